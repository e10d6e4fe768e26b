using EventFlowApp.Kernel.Commands;
using EventFlowApp.Ledger.GeneralLedger;

namespace EventFlowApp.Ledger.Periods;

public sealed record ClosePeriod(GeneralLedgerId AggregateId, Period Period)
    : Command<GeneralLedger.GeneralLedger, GeneralLedgerId, ExecutionResult>(AggregateId);

public sealed record ReopenPeriod(GeneralLedgerId AggregateId, Period Period)
    : Command<GeneralLedger.GeneralLedger, GeneralLedgerId, ExecutionResult>(AggregateId);

public sealed class ClosePeriodHandler : CommandHandler<GeneralLedger.GeneralLedger, GeneralLedgerId, ClosePeriod>
{
    protected override void Execute(GeneralLedger.GeneralLedger aggregate, ClosePeriod command) => aggregate.ClosePeriod(command.Period);
}

public sealed class ReopenPeriodHandler : CommandHandler<GeneralLedger.GeneralLedger, GeneralLedgerId, ReopenPeriod>
{
    protected override void Execute(GeneralLedger.GeneralLedger aggregate, ReopenPeriod command) => aggregate.ReopenPeriod(command.Period);
}

using EventFlowApp.Kernel.Commands;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.GeneralLedger;

public sealed record OpenLedger(GeneralLedgerId AggregateId, string Name, Currency ReportingCurrency)
    : Command<GeneralLedger, GeneralLedgerId, ExecutionResult>(AggregateId)
{
    public override AggregateExpectation Expectation => AggregateExpectation.New;
}

public sealed class OpenLedgerHandler : CommandHandler<GeneralLedger, GeneralLedgerId, OpenLedger>
{
    protected override void Execute(GeneralLedger aggregate, OpenLedger command) => aggregate.Open(command.Name, command.ReportingCurrency);
}

using EventFlowApp.Kernel.Commands;
using EventFlowApp.Ledger.GeneralLedger;

namespace EventFlowApp.Ledger.Accounts;

public sealed class OpenAccountHandler : ICommandHandler<GeneralLedger.GeneralLedger, GeneralLedgerId, OpenAccountResult, OpenAccount>
{
    public Task<OpenAccountResult> ExecuteAsync(GeneralLedger.GeneralLedger aggregate, OpenAccount command, CancellationToken cancellationToken) =>
        Task.FromResult(new OpenAccountResult(aggregate.OpenAccount(command.Code, command.Name, command.Type, command.Currency)));
}

public sealed class RenameAccountHandler : CommandHandler<GeneralLedger.GeneralLedger, GeneralLedgerId, RenameAccount>
{
    protected override void Execute(GeneralLedger.GeneralLedger aggregate, RenameAccount command) => aggregate.RenameAccount(command.AccountId, command.Name);
}

public sealed class CloseAccountHandler : CommandHandler<GeneralLedger.GeneralLedger, GeneralLedgerId, CloseAccount>
{
    protected override void Execute(GeneralLedger.GeneralLedger aggregate, CloseAccount command) => aggregate.CloseAccount(command.AccountId);
}

public sealed class ReopenAccountHandler : CommandHandler<GeneralLedger.GeneralLedger, GeneralLedgerId, ReopenAccount>
{
    protected override void Execute(GeneralLedger.GeneralLedger aggregate, ReopenAccount command) => aggregate.ReopenAccount(command.AccountId);
}

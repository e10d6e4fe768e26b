using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;

namespace EventFlowApp.Ledger.SubLedgers;

/// <summary>Checks that a sub-ledger's control account exists in its ledger and has the right type.</summary>
public sealed class ControlAccounts(IUnitOfWork unitOfWork)
{
    public async Task EnsureAsync(GeneralLedgerId ledgerId, AccountId accountId, AccountType expected, CancellationToken cancellationToken)
    {
        var ledger = await unitOfWork.LoadAsync<GeneralLedger.GeneralLedger, GeneralLedgerId>(ledgerId, cancellationToken);
        var account = ledger.RequireAccount(accountId);
        if (account.Type != expected || account.IsClosed)
        {
            throw new DomainError(
                "account.not_control", $"Account {account.Code} cannot be a control account here: it must be an open {expected} account.");
        }
    }
}

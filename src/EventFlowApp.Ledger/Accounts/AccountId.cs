using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.GeneralLedger;

namespace EventFlowApp.Ledger.Accounts;

public sealed class AccountId(string value) : Identity<AccountId>(value)
{
    private static readonly Guid Namespace = new("b1f0e0c4-6a37-4d0e-9a55-3c2f1e8d7a10");

    /// <summary>The id of the account with <paramref name="code"/> in <paramref name="ledger"/>: the same everywhere, every time.</summary>
    public static AccountId For(GeneralLedgerId ledger, string code) => NewDeterministic(Namespace, $"{ledger.Value}/{code}");
}

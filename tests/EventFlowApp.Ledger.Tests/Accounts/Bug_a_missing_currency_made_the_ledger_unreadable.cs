using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Tests.Support;

namespace EventFlowApp.Ledger.Tests.Accounts;

/// <summary>
/// default(Currency) (what a missing JSON field becomes) was accepted and stored as a null code; the
/// event could not be read back, so every later command on the ledger failed with EventReadException.
/// </summary>
public sealed class Bug_a_missing_currency_made_the_ledger_unreadable : LedgerSpec
{
    [Fact]
    public async Task An_account_without_a_currency_is_refused_and_the_ledger_stays_readable()
    {
        await ThenRefusedAsync(new OpenAccount(Host.LedgerId, "1000", "Cash", AccountType.Asset, default), "currency.unknown");

        Assert.Empty((await Host.LedgerAsync()).State.Accounts);
        await GivenAccountAsync("1000");
    }

    [Fact]
    public async Task A_ledger_without_a_reporting_currency_is_refused() =>
        await ThenRefusedAsync(new OpenLedger(GeneralLedgerId.New, "Acme", default), "currency.unknown");
}

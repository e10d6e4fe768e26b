using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Support.LedgerHost;

namespace EventFlowApp.Ledger.Tests.Journal;

/// <summary>An entry balances in each currency its lines are entered in, on its own.</summary>
public sealed class BalancingPerCurrencySpec : LedgerSpec
{
    private static readonly DateOnly March10 = new(2026, 3, 10);

    [Fact]
    public async Task An_entry_balanced_in_each_of_its_currencies_is_posted()
    {
        var cash = await GivenAccountAsync("1000");
        var bankUsd = await GivenAccountAsync("1010", AccountType.Asset, Currency.USD);
        var bankGbp = await GivenAccountAsync("1020", AccountType.Asset, Currency.GBP);
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);

        var events = await WhenAsync(Entry(
            March10,
            Debit(cash, 30m), Credit(sales, 30m),
            Debit(bankUsd, 100m, Currency.USD), Credit(sales, 60m, Currency.USD), Credit(sales, 40m, Currency.USD),
            Debit(bankGbp, 10m, Currency.GBP), Credit(sales, 10m, Currency.GBP)));

        Assert.Equal(7, events.OfType<JournalEntryPosted>().Single().Lines.Count);
        Assert.Equal(-(30m + 92m + 11.70m), await BalanceAsync(sales));
    }

    [Fact]
    public async Task An_entry_unbalanced_in_one_currency_is_refused_naming_that_currency()
    {
        var cash = await GivenAccountAsync("1000");
        var bankUsd = await GivenAccountAsync("1010", AccountType.Asset, Currency.USD);
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);

        var error = await ThenRefusedAsync(
            Entry(March10, Debit(cash, 30m), Credit(sales, 30m), Debit(bankUsd, 100m, Currency.USD), Credit(sales, 99.99m, Currency.USD)),
            "entry.unbalanced");

        Assert.Contains("in USD", error.Message, StringComparison.Ordinal);
        Assert.Contains("0.01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lines_of_different_currencies_never_balance_each_other_even_when_worth_the_same()
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);

        // 100 USD is 92 EUR at the recorded rate, but an entry balances per entered currency, not after conversion.
        var error = await ThenRefusedAsync(Entry(March10, Debit(cash, 92m), Credit(sales, 100m, Currency.USD)), "entry.unbalanced");

        Assert.Contains("in EUR", error.Message, StringComparison.Ordinal);
    }
}

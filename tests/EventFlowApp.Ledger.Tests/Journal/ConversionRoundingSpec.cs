using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.ExchangeRates;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Support.LedgerHost;

namespace EventFlowApp.Ledger.Tests.Journal;

/// <summary>A converted amount is rounded to the account currency's decimals, half away from zero (never to even).</summary>
public sealed class ConversionRoundingSpec() : LedgerSpec(Rates)
{
    private static readonly DateOnly March10 = new(2026, 3, 10);

    private static readonly ExchangeRate[] Rates =
    [
        new(Currency.USD, Currency.EUR, 0.5m, new DateOnly(2026, 1, 1), "test"),
        new(Currency.EUR, Currency.JPY, 150.5m, new DateOnly(2026, 1, 1), "test"),
    ];

    [Theory]
    [InlineData(0.01, 0.01)]
    [InlineData(0.03, 0.02)]
    [InlineData(0.05, 0.03)]
    [InlineData(0.07, 0.04)]
    [InlineData(100.01, 50.01)]
    public async Task A_half_cent_is_rounded_up_in_the_euro_account(decimal usd, decimal eur)
    {
        var expenses = await GivenAccountAsync("6000", AccountType.Expense);
        var bankUsd = await GivenAccountAsync("1010", AccountType.Asset, Currency.USD);

        var events = await WhenAsync(Entry(March10, Debit(expenses, usd, Currency.USD), Credit(bankUsd, usd, Currency.USD)));

        Assert.Equal(eur, events.OfType<JournalEntryPosted>().Single().Lines[0].AccountAmount);
        Assert.Equal(eur, await BalanceAsync(expenses));
    }

    [Fact]
    public async Task A_credit_is_rounded_away_from_zero_too()
    {
        var revenue = await GivenAccountAsync("4000", AccountType.Revenue);
        var bankUsd = await GivenAccountAsync("1010", AccountType.Asset, Currency.USD);

        await GivenAsync(Entry(March10, Debit(bankUsd, 0.05m, Currency.USD), Credit(revenue, 0.05m, Currency.USD)));

        Assert.Equal(-0.03m, await BalanceAsync(revenue));
    }

    [Theory]
    [InlineData(1.00, 151)]
    [InlineData(3.00, 452)]
    [InlineData(0.01, 2)]
    [InlineData(0.02, 3)]
    public async Task A_yen_account_gets_whole_yen(decimal eur, decimal yen)
    {
        var bankJpy = await GivenAccountAsync("1030", AccountType.Asset, Currency.JPY);
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);

        var events = await WhenAsync(Entry(March10, Debit(bankJpy, eur), Credit(sales, eur)));

        var line = events.OfType<JournalEntryPosted>().Single().Lines[0];
        Assert.Equal((yen, Currency.JPY), (line.AccountAmount, line.AccountCurrency));
    }
}

using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.ExchangeRates;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Support.LedgerHost;

namespace EventFlowApp.Ledger.Tests.Journal;

/// <summary>A line in another currency than its account's is converted with the rate in force on the effective date.</summary>
public sealed class ForeignCurrencyLinesSpec() : LedgerSpec(Rates)
{
    private static readonly ExchangeRate[] Rates =
    [
        new(Currency.USD, Currency.EUR, 0.90m, new DateOnly(2026, 1, 1), "test"),
        new(Currency.USD, Currency.EUR, 0.95m, new DateOnly(2026, 3, 1), "test"),
        new(Currency.USD, Currency.EUR, 0.99m, new DateOnly(2026, 4, 1), "test"),
    ];

    [Theory]
    [InlineData("2026-01-01", 0.90)]
    [InlineData("2026-02-28", 0.90)]
    [InlineData("2026-03-01", 0.95)]
    [InlineData("2026-03-31", 0.95)]
    [InlineData("2026-12-31", 0.99)]
    public async Task The_rate_is_the_latest_on_or_before_the_effective_date(string date, decimal expected)
    {
        var expenses = await GivenAccountAsync("6000", AccountType.Expense);
        var bankUsd = await GivenAccountAsync("1010", AccountType.Asset, Currency.USD);

        var events = await WhenAsync(Entry(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Debit(expenses, 100m, Currency.USD), Credit(bankUsd, 100m, Currency.USD)));

        var lines = events.OfType<JournalEntryPosted>().Single().Lines;
        Assert.Equal((expected, 100m * expected, Currency.EUR), (lines[0].Rate!.Rate, lines[0].AccountAmount, lines[0].AccountCurrency));
        Assert.Equal(100m * expected, await BalanceAsync(expenses));
    }

    [Fact]
    public async Task A_line_in_its_account_currency_records_no_rate()
    {
        var expenses = await GivenAccountAsync("6000", AccountType.Expense);
        var bankUsd = await GivenAccountAsync("1010", AccountType.Asset, Currency.USD);

        var events = await WhenAsync(Entry(new DateOnly(2026, 3, 10), Debit(expenses, 100m, Currency.USD), Credit(bankUsd, 100m, Currency.USD)));

        var credit = events.OfType<JournalEntryPosted>().Single().Lines[1];
        Assert.Equal((100m, Currency.USD, (ExchangeRate?)null), (credit.AccountAmount, credit.AccountCurrency, credit.Rate));
    }

    [Fact]
    public async Task Without_a_rate_on_or_before_the_date_the_entry_is_refused()
    {
        var expenses = await GivenAccountAsync("6000", AccountType.Expense);
        var bankUsd = await GivenAccountAsync("1010", AccountType.Asset, Currency.USD);

        var error = await ThenRefusedAsync(
            Entry(new DateOnly(2025, 12, 31), Debit(expenses, 100m, Currency.USD), Credit(bankUsd, 100m, Currency.USD)), "rate.missing");

        Assert.Contains("USD/EUR", error.Message, StringComparison.Ordinal);
        Assert.Contains("2025-12-31", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pair_with_no_rate_at_all_is_refused_and_the_inverse_pair_does_not_stand_in()
    {
        var bankUsd = await GivenAccountAsync("1010", AccountType.Asset, Currency.USD);
        var loanUsd = await GivenAccountAsync("2010", AccountType.Liability, Currency.USD);

        await ThenRefusedAsync(Entry(new DateOnly(2026, 3, 10), Debit(bankUsd, 100m), Credit(loanUsd, 100m)), "rate.missing");
    }
}

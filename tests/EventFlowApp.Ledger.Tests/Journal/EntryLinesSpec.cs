using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Support.LedgerHost;

namespace EventFlowApp.Ledger.Tests.Journal;

/// <summary>What each line of an entry must be: at least two, positive, in its currency's decimals, on a known account.</summary>
public sealed class EntryLinesSpec : LedgerSpec
{
    private static readonly DateOnly March10 = new(2026, 3, 10);

    [Fact]
    public async Task An_entry_with_one_line_is_refused()
    {
        var cash = await GivenAccountAsync("1000");

        await ThenRefusedAsync(Entry(March10, Debit(cash, 10m)), "entry.too_few_lines");
    }

    [Fact]
    public async Task An_entry_without_lines_is_refused() =>
        await ThenRefusedAsync(Entry(March10), "entry.too_few_lines");

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    public async Task A_line_without_a_positive_amount_is_refused_naming_the_line(int amount)
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);

        var error = await ThenRefusedAsync(
            Entry(March10, Debit(cash, 10m), Credit(sales, 10m), Debit(cash, amount)), "entry.amount_not_positive");

        Assert.StartsWith("Line 3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_debit_and_a_credit_written_as_negative_amounts_are_refused()
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);

        await ThenRefusedAsync(Entry(March10, Debit(cash, -10m), Debit(sales, 10m)), "entry.amount_not_positive");
    }

    [Fact]
    public async Task A_euro_amount_with_three_decimals_is_refused_not_rounded()
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);

        var error = await ThenRefusedAsync(Entry(March10, Debit(cash, 10.005m), Credit(sales, 10.005m)), "money.precision");

        Assert.Contains("Line 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("10.005", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_yen_amount_with_decimals_is_refused()
    {
        var cash = await GivenAccountAsync("1000", AccountType.Asset, Currency.JPY);
        var sales = await GivenAccountAsync("4000", AccountType.Revenue, Currency.JPY);

        var error = await ThenRefusedAsync(
            Entry(March10, Debit(cash, 1.5m, Currency.JPY), Credit(sales, 1.5m, Currency.JPY)), "money.precision");

        Assert.Contains("JPY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trailing_zeros_are_not_extra_decimals()
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);

        var events = await WhenAsync(Entry(March10, Debit(cash, 10.000m), Credit(sales, 10.0m)));

        Assert.Single(events.OfType<JournalEntryPosted>());
    }

    [Fact]
    public async Task A_line_on_an_account_that_does_not_exist_is_refused()
    {
        var cash = await GivenAccountAsync("1000");

        await ThenRefusedAsync(Entry(March10, Debit(cash, 10m), Credit(AccountId.For(Host.LedgerId, "9999"), 10m)), "account.not_found");
    }

    [Fact]
    public async Task An_entry_for_a_ledger_that_does_not_exist_is_refused()
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);

        await ThenRefusedAsync(
            new PostJournalEntry(JournalEntryId.New, GeneralLedgerId.New, March10, null, null, [Debit(cash, 1m), Credit(sales, 1m)]), "ledger.not_found");
    }

    [Fact]
    public async Task Several_lines_on_one_account_are_one_balance_change()
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);

        var events = await WhenAsync(Entry(March10, Debit(cash, 10m), Debit(cash, 5m), Credit(sales, 15m)));

        Assert.Equal([new BalanceChange(cash, 15m), new BalanceChange(sales, -15m)], events.OfType<JournalEntryRecorded>().Single().Changes);
    }
}

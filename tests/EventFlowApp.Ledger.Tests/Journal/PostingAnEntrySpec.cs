using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Periods;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Support.LedgerHost;

namespace EventFlowApp.Ledger.Tests.Journal;

public sealed class PostingAnEntrySpec : LedgerSpec
{
    private static readonly DateOnly March10 = new(2026, 3, 10);

    [Fact]
    public async Task A_balanced_entry_is_posted_and_recorded_in_the_ledger_with_the_next_number()
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);
        var id = JournalEntryId.New;

        var events = await WhenAsync(new PostJournalEntry(id, Host.LedgerId, March10, "Cash sale", "R-1", [Debit(cash, 120m), Credit(sales, 120m)]));

        var recorded = events.OfType<JournalEntryRecorded>().Single();
        Assert.Equal((id, 1L, March10), (recorded.EntryId, recorded.Number, recorded.EffectiveDate));
        Assert.Equal([new BalanceChange(cash, 120m), new BalanceChange(sales, -120m)], recorded.Changes);
        var posted = events.OfType<JournalEntryPosted>().Single();
        Assert.Equal(("Cash sale", "R-1", 1L), (posted.Description, posted.Reference, posted.Number));
        Assert.Equal(120m, (await Host.LedgerAsync()).State.Accounts[cash.Value].Balance);
    }

    [Fact]
    public async Task A_foreign_currency_line_records_the_rate_it_used()
    {
        var expenses = await GivenAccountAsync("6000", AccountType.Expense);
        var bankUsd = await GivenAccountAsync("1010", AccountType.Asset, Currency.USD);

        var events = await WhenAsync(new PostJournalEntry(
            JournalEntryId.New, Host.LedgerId, March10, "US software", null, [Debit(expenses, 100m, Currency.USD), Credit(bankUsd, 100m, Currency.USD)]));

        var line = events.OfType<JournalEntryPosted>().Single().Lines[0];
        Assert.Equal((92.00m, Currency.EUR, 0.92m), (line.AccountAmount, line.AccountCurrency, line.Rate!.Rate));
        Assert.Equal(new DateOnly(2026, 1, 1), line.Rate.Date);
    }

    [Fact]
    public async Task An_unbalanced_entry_is_refused_naming_the_currency_and_the_difference()
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);

        var error = await ThenRefusedAsync(
            new PostJournalEntry(JournalEntryId.New, Host.LedgerId, March10, null, null, [Debit(cash, 120m), Credit(sales, 100m)]), "entry.unbalanced");

        Assert.Contains("EUR", error.Message, StringComparison.Ordinal);
        Assert.Contains("20", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_in_a_closed_period_is_refused_naming_the_period()
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);
        await GivenAsync(new ClosePeriod(Host.LedgerId, new Period(2026, 3)));

        var error = await ThenRefusedAsync(
            new PostJournalEntry(JournalEntryId.New, Host.LedgerId, March10, null, null, [Debit(cash, 1m), Credit(sales, 1m)]), "period.closed");

        Assert.Contains("2026-03", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reversing_posts_the_mirror_entry_linked_both_ways_and_only_once()
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);
        var original = JournalEntryId.New;
        await Host.PostAsync(original, March10, Debit(cash, 50m), Credit(sales, 50m));
        var reversal = JournalEntryId.New;

        var events = await WhenAsync(new ReverseJournalEntry(original, reversal));

        Assert.Equal(new JournalEntryReversed(reversal, March10), events.OfType<JournalEntryReversed>().Single());
        var posted = events.OfType<JournalEntryPosted>().Single();
        Assert.Equal(original, posted.ReversalOf);
        Assert.Equal([Side.Credit, Side.Debit], posted.Lines.Select(l => l.Side));
        Assert.Equal(0m, (await Host.LedgerAsync()).State.Accounts[cash.Value].Balance);
        await ThenRefusedAsync(new ReverseJournalEntry(original, JournalEntryId.New), "entry.already_reversed");
    }
}

using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Periods;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Support.LedgerHost;

namespace EventFlowApp.Ledger.Tests.Journal;

/// <summary>Entry numbers count postings and reversals of a ledger from 1 without gaps; refused commands take none.</summary>
public sealed class EntryNumbersSpec : LedgerSpec
{
    private static readonly DateOnly March10 = new(2026, 3, 10);

    [Fact]
    public async Task Postings_and_reversals_share_one_gapless_sequence()
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);
        var first = JournalEntryId.New;
        var numbers = new List<long>
        {
            (await Host.PostAsync(first, March10, Debit(cash, 1m), Credit(sales, 1m))).Number,
            (await Host.PostAsync(JournalEntryId.New, March10, Debit(cash, 2m), Credit(sales, 2m))).Number,
        };
        await Assert.ThrowsAnyAsync<Exception>(() => Host.PostAsync(JournalEntryId.New, March10, Debit(cash, 3m), Credit(sales, 2m)));
        numbers.Add((await Host.Bus.PublishAsync(new ReverseJournalEntry(first, JournalEntryId.New), Ct)).Number);
        await Assert.ThrowsAnyAsync<Exception>(() => Host.Bus.PublishAsync(new ReverseJournalEntry(first, JournalEntryId.New), Ct));
        await GivenAsync(new ClosePeriod(Host.LedgerId, new Period(2026, 3)));
        numbers.Add((await Host.PostAsync(JournalEntryId.New, March10.AddMonths(1), Debit(cash, 4m), Credit(sales, 4m))).Number);

        var events = (await Host.AllEventsAsync()).Select(e => e.GetAggregateEvent()).ToList();

        Assert.Equal([1L, 2L, 3L, 4L], numbers);
        Assert.Equal(numbers, events.OfType<JournalEntryRecorded>().Select(e => e.Number));
        Assert.Equal(numbers, events.OfType<JournalEntryPosted>().Select(e => e.Number));
        Assert.Equal(4, (await Host.LedgerAsync()).State.LastEntryNumber);
    }

    [Fact]
    public async Task Each_ledger_numbers_its_own_entries()
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);
        var other = GeneralLedgerId.New;
        await GivenAsync(new OpenLedger(other, "Other Ltd", Currency.EUR));
        await GivenAsync(
            new OpenAccount(other, "1000", "Cash", AccountType.Asset, Currency.EUR),
            new OpenAccount(other, "4000", "Sales", AccountType.Revenue, Currency.EUR));
        await Host.PostAsync(JournalEntryId.New, March10, Debit(cash, 1m), Credit(sales, 1m));

        var result = await Host.Bus.PublishAsync(
            new PostJournalEntry(JournalEntryId.New, other, March10, null, null, [Debit(AccountId.For(other, "1000"), 1m), Credit(AccountId.For(other, "4000"), 1m)]), Ct);

        Assert.Equal(1, result.Number);
    }
}

using EventFlowApp.Kernel.Commands;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Support.LedgerHost;

namespace EventFlowApp.Ledger.Tests.Journal;

/// <summary>A reversal is a new entry that mirrors the original; both are linked, and an entry is reversed once.</summary>
public sealed class ReversingAnEntrySpec : LedgerSpec
{
    private static readonly DateOnly March10 = new(2026, 3, 10);

    [Fact]
    public async Task The_reversal_mirrors_every_line_and_records_the_opposite_balance_changes()
    {
        var (original, cash, sales) = await GivenPostedAsync();
        var reversal = JournalEntryId.New;

        var events = await WhenAsync(new ReverseJournalEntry(original, reversal));

        var posted = events.OfType<JournalEntryPosted>().Single();
        var originalLines = (await Host.EntryAsync(original)).State.Lines;
        Assert.Equal(originalLines.Select(l => l.Mirrored()), posted.Lines);
        Assert.Equal([new BalanceChange(cash, -50m), new BalanceChange(sales, 50m)], events.OfType<JournalEntryRecorded>().Single().Changes);
        Assert.Equal((0m, 0m), (await BalanceAsync(cash), await BalanceAsync(sales)));
    }

    [Fact]
    public async Task The_original_and_the_reversal_point_at_each_other()
    {
        var (original, _, _) = await GivenPostedAsync();
        var reversal = JournalEntryId.New;

        await WhenAsync(new ReverseJournalEntry(original, reversal));

        Assert.Equal(reversal, (await Host.EntryAsync(original)).State.ReversedBy);
        Assert.Equal(original, (await Host.EntryAsync(reversal)).State.ReversalOf);
        Assert.Null((await Host.EntryAsync(reversal)).State.ReversedBy);
    }

    [Fact]
    public async Task The_reversal_describes_itself_and_keeps_the_reference()
    {
        var (original, _, _) = await GivenPostedAsync();

        var events = await WhenAsync(new ReverseJournalEntry(original, JournalEntryId.New));

        var posted = events.OfType<JournalEntryPosted>().Single();
        Assert.Equal(("Reversal of entry 1: Cash sale", "R-1"), (posted.Description, posted.Reference));
    }

    [Fact]
    public async Task A_given_description_replaces_the_generated_one()
    {
        var (original, _, _) = await GivenPostedAsync();

        var events = await WhenAsync(new ReverseJournalEntry(original, JournalEntryId.New, Description: "Wrong customer"));

        Assert.Equal("Wrong customer", events.OfType<JournalEntryPosted>().Single().Description);
    }

    [Fact]
    public async Task An_entry_already_reversed_is_refused()
    {
        var (original, _, _) = await GivenPostedAsync();
        await GivenAsync(new ReverseJournalEntry(original, JournalEntryId.New));

        await ThenRefusedAsync(new ReverseJournalEntry(original, JournalEntryId.New), "entry.already_reversed");
    }

    [Fact]
    public async Task A_reversal_can_itself_be_reversed_which_restores_the_original_effect()
    {
        var (original, cash, _) = await GivenPostedAsync();
        var reversal = JournalEntryId.New;
        await GivenAsync(new ReverseJournalEntry(original, reversal));

        var events = await WhenAsync(new ReverseJournalEntry(reversal, JournalEntryId.New));

        Assert.Equal(reversal, events.OfType<JournalEntryPosted>().Single().ReversalOf);
        Assert.Equal(50m, await BalanceAsync(cash));
    }

    [Fact]
    public async Task Reversing_an_entry_that_was_never_posted_is_refused_by_the_kernel() =>
        await ThenThrowsAsync<AggregateNotFoundException>(new ReverseJournalEntry(JournalEntryId.New, JournalEntryId.New));

    [Fact]
    public async Task A_reversal_id_already_used_by_another_entry_is_refused()
    {
        var (original, cash, sales) = await GivenPostedAsync();
        var other = JournalEntryId.New;
        await Host.PostAsync(other, March10, Debit(cash, 1m), Credit(sales, 1m));

        await ThenRefusedAsync(new ReverseJournalEntry(original, other), "entry.already_posted");
    }

    [Fact]
    public async Task An_entry_cannot_be_its_own_reversal()
    {
        var (original, _, _) = await GivenPostedAsync();

        await ThenRefusedAsync(new ReverseJournalEntry(original, original), "entry.already_posted");
    }

    private async Task<(JournalEntryId Id, AccountId Cash, AccountId Sales)> GivenPostedAsync()
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);
        var id = JournalEntryId.New;
        await GivenAsync(new PostJournalEntry(id, Host.LedgerId, March10, "Cash sale", "R-1", [Debit(cash, 50m), Credit(sales, 50m)]));
        return (id, cash, sales);
    }
}

using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Support.LedgerHost;

namespace EventFlowApp.Ledger.Tests.Journal;

/// <summary>
/// The reversal cut every description to 500 characters, so a description given with the command was
/// silently shortened where a posting refuses it. Only the generated description may be cut.
/// </summary>
public sealed class Bug_a_long_reversal_description_was_silently_cut : LedgerSpec
{
    private static readonly DateOnly March10 = new(2026, 3, 10);

    [Fact]
    public async Task A_given_description_of_more_than_500_characters_is_refused()
    {
        var original = await GivenPostedAsync("Sale");

        await ThenRefusedAsync(new ReverseJournalEntry(original, JournalEntryId.New, Description: new string('d', 501)), "entry.description_too_long");
    }

    [Fact]
    public async Task The_generated_description_of_a_long_original_is_cut_to_500_characters()
    {
        var original = await GivenPostedAsync(new string('d', 500));

        var events = await WhenAsync(new ReverseJournalEntry(original, JournalEntryId.New));

        var description = events.OfType<JournalEntryPosted>().Single().Description;
        Assert.Equal(500, description.Length);
        Assert.StartsWith("Reversal of entry 1: ddd", description, StringComparison.Ordinal);
    }

    private async Task<JournalEntryId> GivenPostedAsync(string description)
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);
        var id = JournalEntryId.New;
        await GivenAsync(new PostJournalEntry(id, Host.LedgerId, March10, description, null, [Debit(cash, 5m), Credit(sales, 5m)]));
        return id;
    }
}

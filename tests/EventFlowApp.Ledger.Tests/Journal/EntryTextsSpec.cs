using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Support.LedgerHost;

namespace EventFlowApp.Ledger.Tests.Journal;

/// <summary>An entry's description (up to 500 characters) and reference (up to 100), trimmed; a blank reference is none.</summary>
public sealed class EntryTextsSpec : LedgerSpec
{
    private static readonly DateOnly March10 = new(2026, 3, 10);

    [Fact]
    public async Task The_texts_are_trimmed_and_a_blank_reference_is_none()
    {
        var (cash, sales) = await AccountsAsync();

        var events = await WhenAsync(Post("  Cash sale ", "   ", cash, sales));

        var posted = events.OfType<JournalEntryPosted>().Single();
        Assert.Equal(("Cash sale", (string?)null), (posted.Description, posted.Reference));
    }

    [Fact]
    public async Task The_longest_texts_allowed_are_posted()
    {
        var (cash, sales) = await AccountsAsync();

        var events = await WhenAsync(Post(new string('d', 500), new string('r', 100), cash, sales));

        Assert.Single(events.OfType<JournalEntryPosted>());
    }

    [Fact]
    public async Task A_description_of_more_than_500_characters_is_refused()
    {
        var (cash, sales) = await AccountsAsync();

        await ThenRefusedAsync(Post(new string('d', 501), null, cash, sales), "entry.description_too_long");
    }

    [Fact]
    public async Task A_reference_of_more_than_100_characters_is_refused()
    {
        var (cash, sales) = await AccountsAsync();

        await ThenRefusedAsync(Post("Sale", new string('r', 101), cash, sales), "entry.reference_too_long");
    }

    [Fact]
    public async Task A_refused_text_does_not_use_up_an_entry_number()
    {
        var (cash, sales) = await AccountsAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => Host.SendAsync(Post(new string('d', 501), null, cash, sales)));

        var events = await WhenAsync(Post("Sale", null, cash, sales));

        Assert.Equal(1, events.OfType<JournalEntryPosted>().Single().Number);
    }

    private async Task<(AccountId Cash, AccountId Sales)> AccountsAsync() =>
        (await GivenAccountAsync("1000"), await GivenAccountAsync("4000", AccountType.Revenue));

    private PostJournalEntry Post(string? description, string? reference, AccountId debit, AccountId credit) =>
        new(JournalEntryId.New, Host.LedgerId, March10, description, reference, [Debit(debit, 10m), Credit(credit, 10m)]);
}

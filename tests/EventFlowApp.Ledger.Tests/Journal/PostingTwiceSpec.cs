using EventFlowApp.Kernel.Commands;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Support.LedgerHost;

namespace EventFlowApp.Ledger.Tests.Journal;

/// <summary>An entry id is posted once; a re-sent command (same source id) is answered from the first result.</summary>
public sealed class PostingTwiceSpec : LedgerSpec
{
    private static readonly DateOnly March10 = new(2026, 3, 10);

    [Fact]
    public async Task A_second_post_of_the_same_entry_id_is_refused_by_the_kernel()
    {
        var (cash, sales) = await AccountsAsync();
        var id = JournalEntryId.For(Host.LedgerId, "INV-1");
        await GivenAsync(new PostJournalEntry(id, Host.LedgerId, March10, "Sale", null, [Debit(cash, 10m), Credit(sales, 10m)]));

        await ThenThrowsAsync<AggregateAlreadyExistsException>(
            new PostJournalEntry(id, Host.LedgerId, March10, "Sale again", null, [Debit(cash, 20m), Credit(sales, 20m)]));

        Assert.Equal(10m, await BalanceAsync(cash));
    }

    [Fact]
    public async Task The_same_command_sent_again_is_a_duplicate_that_appends_nothing()
    {
        var (cash, sales) = await AccountsAsync();
        var command = Entry(March10, Debit(cash, 10m), Credit(sales, 10m));
        var first = await Host.Bus.PublishAsync(command, Ct);

        var before = (await Host.AllEventsAsync()).Count;
        var again = await Host.Bus.PublishAsync(command, Ct);

        Assert.Equal((false, true, first.Number), (first.WasDuplicate, again.WasDuplicate, again.Number));
        Assert.Equal(before, (await Host.AllEventsAsync()).Count);
        Assert.Equal(10m, await BalanceAsync(cash));
    }

    [Fact]
    public async Task A_refused_command_is_not_remembered_so_its_fixed_version_can_use_the_same_source_id()
    {
        var (cash, sales) = await AccountsAsync();
        var id = JournalEntryId.New;
        var unbalanced = new PostJournalEntry(id, Host.LedgerId, March10, null, null, [Debit(cash, 10m), Credit(sales, 9m)]) { SourceId = "import-7" };
        await ThenRefusedAsync(unbalanced, "entry.unbalanced");

        var result = await Host.Bus.PublishAsync(unbalanced with { Lines = [Debit(cash, 10m), Credit(sales, 10m)] }, Ct);

        Assert.Equal((false, 1L), (result.WasDuplicate, result.Number));
    }

    [Fact]
    public async Task A_reversal_sent_again_is_a_duplicate_that_appends_nothing()
    {
        var (cash, sales) = await AccountsAsync();
        var original = JournalEntryId.New;
        await Host.PostAsync(original, March10, Debit(cash, 10m), Credit(sales, 10m));
        var reverse = new ReverseJournalEntry(original, JournalEntryId.New);
        await Host.Bus.PublishAsync(reverse, Ct);

        var before = (await Host.AllEventsAsync()).Count;
        var again = await Host.Bus.PublishAsync(reverse, Ct);

        Assert.Equal((true, 2L), (again.WasDuplicate, again.Number));
        Assert.Equal(before, (await Host.AllEventsAsync()).Count);
    }

    private async Task<(AccountId Cash, AccountId Sales)> AccountsAsync() =>
        (await GivenAccountAsync("1000"), await GivenAccountAsync("4000", AccountType.Revenue));
}

using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Support.LedgerHost;

namespace EventFlowApp.Ledger.Tests.Accounts;

public sealed class ReopeningAnAccountSpec : LedgerSpec
{
    private static readonly DateOnly March10 = new(2026, 3, 10);

    [Fact]
    public async Task A_closed_account_is_reopened()
    {
        var cash = await GivenAccountAsync("1000");
        await GivenAsync(new CloseAccount(Host.LedgerId, cash));

        var events = await WhenAsync(new ReopenAccount(Host.LedgerId, cash));

        Assert.Equal([new AccountReopened(cash)], events);
        Assert.False((await Host.LedgerAsync()).State.Accounts[cash.Value].IsClosed);
    }

    [Fact]
    public async Task An_open_account_is_refused()
    {
        var cash = await GivenAccountAsync("1000");

        await ThenRefusedAsync(new ReopenAccount(Host.LedgerId, cash), "account.not_closed");
    }

    [Fact]
    public async Task Reopening_an_account_that_does_not_exist_is_refused() =>
        await ThenRefusedAsync(new ReopenAccount(Host.LedgerId, AccountId.For(Host.LedgerId, "9999")), "account.not_found");

    [Fact]
    public async Task A_posting_to_a_closed_account_is_refused_naming_it()
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);
        await GivenAsync(new CloseAccount(Host.LedgerId, sales));

        var error = await ThenRefusedAsync(Entry(March10, Debit(cash, 10m), Credit(sales, 10m)), "account.closed");

        Assert.Contains("4000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reopened_account_takes_postings_again()
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);
        await GivenAsync(new CloseAccount(Host.LedgerId, sales), new ReopenAccount(Host.LedgerId, sales));

        var events = await WhenAsync(Entry(March10, Debit(cash, 10m), Credit(sales, 10m)));

        Assert.Single(events.OfType<JournalEntryPosted>());
        Assert.Equal(-10m, await BalanceAsync(sales));
    }
}

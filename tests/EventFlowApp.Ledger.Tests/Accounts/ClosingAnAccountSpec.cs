using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Support.LedgerHost;

namespace EventFlowApp.Ledger.Tests.Accounts;

public sealed class ClosingAnAccountSpec : LedgerSpec
{
    private static readonly DateOnly March10 = new(2026, 3, 10);

    [Fact]
    public async Task An_account_that_was_never_used_is_closed()
    {
        var cash = await GivenAccountAsync("1000");

        var events = await WhenAsync(new CloseAccount(Host.LedgerId, cash));

        Assert.Equal([new AccountClosed(cash)], events);
        Assert.True((await Host.LedgerAsync()).State.Accounts[cash.Value].IsClosed);
    }

    [Fact]
    public async Task An_account_with_a_debit_balance_is_refused_naming_the_balance()
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);
        await GivenAsync(Entry(March10, Debit(cash, 120.50m), Credit(sales, 120.50m)));

        var error = await ThenRefusedAsync(new CloseAccount(Host.LedgerId, cash), "account.balance_not_zero");

        Assert.Contains("120.50 EUR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_with_a_credit_balance_is_refused_naming_the_balance()
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);
        await GivenAsync(Entry(March10, Debit(cash, 0.01m), Credit(sales, 0.01m)));

        var error = await ThenRefusedAsync(new CloseAccount(Host.LedgerId, sales), "account.balance_not_zero");

        Assert.Contains("-0.01 EUR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_whose_postings_net_to_zero_is_closed()
    {
        var cash = await GivenAccountAsync("1000");
        var bank = await GivenAccountAsync("1200");
        await GivenAsync(
            Entry(March10, Debit(cash, 75m), Credit(bank, 75m)),
            Entry(March10.AddDays(1), Debit(bank, 25m), Credit(cash, 25m)),
            Entry(March10.AddDays(2), Debit(bank, 50m), Credit(cash, 50m)));

        var events = await WhenAsync(new CloseAccount(Host.LedgerId, cash));

        Assert.Equal([new AccountClosed(cash)], events);
    }

    [Fact]
    public async Task An_account_already_closed_is_refused()
    {
        var cash = await GivenAccountAsync("1000");
        await GivenAsync(new CloseAccount(Host.LedgerId, cash));

        await ThenRefusedAsync(new CloseAccount(Host.LedgerId, cash), "account.already_closed");
    }

    [Fact]
    public async Task Closing_an_account_that_does_not_exist_is_refused() =>
        await ThenRefusedAsync(new CloseAccount(Host.LedgerId, AccountId.For(Host.LedgerId, "9999")), "account.not_found");
}

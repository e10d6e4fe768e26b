using EventFlowApp.Kernel.Commands;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Periods;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Support.LedgerHost;

namespace EventFlowApp.Ledger.Tests.Periods;

public sealed class ClosingAPeriodSpec : LedgerSpec
{
    private static readonly Period March = new(2026, 3);

    [Fact]
    public async Task An_open_period_is_closed()
    {
        var events = await WhenAsync(new ClosePeriod(Host.LedgerId, March));

        Assert.Equal([new PeriodClosed(March)], events);
        Assert.True((await Host.LedgerAsync()).State.IsClosed(March));
    }

    [Fact]
    public async Task A_closed_period_is_refused_naming_it()
    {
        await GivenAsync(new ClosePeriod(Host.LedgerId, March));

        var error = await ThenRefusedAsync(new ClosePeriod(Host.LedgerId, March), "period.already_closed");

        Assert.Contains("2026-03", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_period_is_reopened()
    {
        await GivenAsync(new ClosePeriod(Host.LedgerId, March));

        var events = await WhenAsync(new ReopenPeriod(Host.LedgerId, March));

        Assert.Equal([new PeriodReopened(March)], events);
        Assert.False((await Host.LedgerAsync()).State.IsClosed(March));
    }

    [Fact]
    public async Task Reopening_an_open_period_is_refused() =>
        await ThenRefusedAsync(new ReopenPeriod(Host.LedgerId, March), "period.not_closed");

    [Fact]
    public async Task Closing_one_month_leaves_its_neighbours_open()
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);
        await GivenAsync(new ClosePeriod(Host.LedgerId, March));

        var events = await WhenAsync(Entry(new DateOnly(2026, 2, 28), Debit(cash, 1m), Credit(sales, 1m)));
        await GivenAsync(Entry(new DateOnly(2026, 4, 1), Debit(cash, 1m), Credit(sales, 1m)));

        Assert.Single(events.OfType<JournalEntryPosted>());
        Assert.Equal(2m, await BalanceAsync(cash));
    }

    [Fact]
    public async Task A_reopened_period_takes_postings_again()
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);
        await GivenAsync(new ClosePeriod(Host.LedgerId, March), new ReopenPeriod(Host.LedgerId, March));

        var events = await WhenAsync(Entry(new DateOnly(2026, 3, 31), Debit(cash, 1m), Credit(sales, 1m)));

        Assert.Single(events.OfType<JournalEntryPosted>());
    }

    [Fact]
    public async Task Closing_a_period_of_a_ledger_that_does_not_exist_is_refused_by_the_kernel() =>
        await ThenThrowsAsync<AggregateNotFoundException>(new ClosePeriod(GeneralLedgerId.New, March));
}

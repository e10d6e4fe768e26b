using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Payables;
using EventFlowApp.Ledger.ReadModels;
using EventFlowApp.Storage.Tests.Support;
using static EventFlowApp.Storage.Tests.Ledger.Reports.MixedLedgerHistory;

namespace EventFlowApp.Storage.Tests.Ledger.Reports;

/// <summary>
/// <c>ledger_account_balances</c> is consistent on write: once a posting command returns, its balances are
/// readable without any processor running. Only the database event stores update read models inside the
/// append, so only database targets run this.
/// </summary>
public abstract class BalancesOnWriteSuite : IAsyncLifetime
{
    private readonly MixedLedgerHistory _history = new();
    private LedgerReportHost? _host;

    private LedgerReportHost Host => _host ?? throw new InvalidOperationException("Not initialised.");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract IStorageTarget CreateTarget();

    /// <summary>
    /// The chart, then one catch-up: it creates the live generations (a fresh database has none, and the
    /// inline update only writes to a live generation whose processor has seen everything before the commit).
    /// </summary>
    public async ValueTask InitializeAsync()
    {
        _host = await LedgerReportHost.StartAsync(CreateTarget());
        foreach (var command in _history.Chart())
        {
            await _host.SendAsync(command);
        }

        await _host.CatchUpAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_posting_shows_in_the_balances_when_its_command_returns()
    {
        var ledger = _history.LedgerId;
        await Host.SendAsync(new PostJournalEntry(JournalEntryId.New, ledger, new(2026, 1, 2), "capital", null, [Line(Bank, Side.Debit, 500m), Line(Capital, Side.Credit, 500m)]));
        Assert.Equal((500m, -500m), (await BalanceAsync(Bank), await BalanceAsync(Capital)));

        await Host.SendAsync(new PostJournalEntry(JournalEntryId.New, ledger, new(2026, 1, 3), "USD", null, [Line(BankUsd, Side.Debit, 100m, Currency.USD), Line(Bank, Side.Credit, 100m, Currency.USD)]));
        Assert.Equal(408.00m, await BalanceAsync(Bank));
        var usd = await RowAsync(BankUsd);
        Assert.Equal((100m, 92.00m), (usd.Balance, usd.ReportingBalance));

        await Host.SendAsync(new ReceiveBill(_history.Supplier, "b1", "B-1", 80.25m, new(2026, 1, 10), new(2026, 2, 9), AccountId.For(ledger, Expenses)));
        await Host.SendAsync(new PaySupplier(_history.Supplier, "p1", 50m, new(2026, 1, 20), AccountId.For(ledger, Bank)));
        Assert.Equal((358.00m, -30.25m, 80.25m), (await BalanceAsync(Bank), await BalanceAsync(Payables), await BalanceAsync(Expenses)));
    }

    private async Task<decimal> BalanceAsync(string code) => (await RowAsync(code)).Balance;

    private async Task<AccountBalance> RowAsync(string code) =>
        await Host.Get<IReadModelStore>().GetAsync<AccountBalance>(AccountId.For(_history.LedgerId, code).Value, ReadModelView.Live, Ct)
        ?? throw new InvalidOperationException($"No balance row for {code}.");

    private JournalLineInput Line(string code, Side side, decimal amount, Currency? currency = null) =>
        new(AccountId.For(_history.LedgerId, code), side, amount, currency ?? Currency.EUR);
}

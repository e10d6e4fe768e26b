using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Periods;
using EventFlowApp.Ledger.ReadModels;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Reports.SmallLedger;

namespace EventFlowApp.Ledger.Tests.Reports;

/// <summary>A reversing journal entry flows into every read model and every report; as known at before it, nothing changed.</summary>
public sealed class ReversalsSpec : IDisposable
{
    private readonly ReportHost _reports = new();

    public void Dispose() => _reports.Dispose();

    private async Task<(SmallLedger Book, JournalEntryId Reversal, long Before)> GivenTheSaleReversedAsync()
    {
        var book = await SmallLedger.CreateAsync(_reports);
        var before = await _reports.PositionAsync();
        var reversal = JournalEntryId.New;
        await _reports.Host.SendAsync(new ReverseJournalEntry(book.Sale, reversal));
        await _reports.CatchUpAsync();
        return (book, reversal, before);
    }

    [Fact]
    public async Task The_balances_the_lines_and_the_period_totals_all_take_the_reversal()
    {
        var (book, reversal, _) = await GivenTheSaleReversedAsync();
        var store = _reports.Store;

        var sales = await store.GetAsync<AccountBalance>(book.Sales.Value, ReadModelView.Live, LedgerHost.Ct);
        var receivables = await store.GetAsync<AccountBalance>(book.Receivables.Value, ReadModelView.Live, LedgerHost.Ct);
        var lines = await store.QueryAsync<LedgerLine, LedgerLine>(ReadModelView.Live, q => q.Where(l => l.EntryId == reversal.Value), LedgerHost.Ct);
        var february = await store.GetAsync<AccountPeriodTotal>(AccountPeriodLocator.RowId(book.Sales, new Period(2026, 2)), ReadModelView.Live, LedgerHost.Ct);

        Assert.Equal((0m, 0m), (sales!.Balance, sales.ReportingBalance));
        Assert.Equal(-2500m, receivables!.Balance);
        Assert.Equal(
            [("1100", 0m, 4000m, book.Sale.Value, 6L), ("4000", 4000m, 0m, book.Sale.Value, 6L)],
            lines.OrderBy(l => l.LineNumber).Select(l => (l.AccountCode, l.Debit, l.Credit, l.ReversalOfEntryId, l.EntryNumber)));
        Assert.Equal((4000m, 4000m, 2), (february!.Debit, february.Credit, february.Lines));
    }

    [Fact]
    public async Task Every_report_takes_the_reversal_and_as_known_at_before_it_none_does()
    {
        var (book, _, before) = await GivenTheSaleReversedAsync();
        var old = ReportHost.KnownAt(before);

        var tb = await _reports.TrialBalanceAsync(Feb28);
        var oldTb = await _reports.TrialBalanceAsync(Feb28, old);
        var income = await _reports.IncomeStatementAsync(new DateOnly(2026, 2, 1), Feb28);
        var oldIncome = await _reports.IncomeStatementAsync(new DateOnly(2026, 2, 1), Feb28, old);
        var sheet = await _reports.BalanceSheetAsync(Feb28);
        var oldSheet = await _reports.BalanceSheetAsync(Feb28, old);
        var statement = await _reports.StatementAsync("4000", new DateOnly(2026, 2, 1), Feb28);

        // Sales: 4000 credited and debited back; receivables: 4000 - 4000 - 2500 owed back.
        Assert.Equal([("1000", 11000m, 0m), ("1100", 0m, 2500m), ("3000", 0m, 10000m), ("4000", 0m, 0m), ("6000", 1500m, 0m)], tb.Lines.Select(l => (l.Code, l.Debit, l.Credit)));
        Assert.Equal((12500m, 12500m), (tb.TotalDebit, tb.TotalCredit));
        Assert.Equal((14000m, 14000m), (oldTb.TotalDebit, oldTb.TotalCredit));
        Assert.Equal((0m, 4000m), (income.Result, oldIncome.Result));
        Assert.Equal((8500m, -1500m, 8500m), (sheet.TotalAssets, sheet.CurrentResult, sheet.TotalLiabilitiesAndEquity));
        Assert.Equal((12500m, 2500m), (oldSheet.TotalAssets, oldSheet.CurrentResult));
        Assert.Equal(
            [(3L, "", 0m, 4000m, -4000m), (6L, book.Sale.Value, 4000m, 0m, 0m)],
            statement.Lines.Select(l => (l.EntryNumber, l.ReversalOfEntryId, l.Debit, l.Credit, l.Balance)));
    }

    [Fact]
    public async Task Reversing_into_a_closed_period_lands_in_the_next_open_one_and_leaves_the_closed_periods_reports_alone()
    {
        var book = await SmallLedger.CreateAsync(_reports);
        await _reports.Host.SendAsync(new ClosePeriod(_reports.LedgerId, new Period(2026, 1)));
        await _reports.Host.SendAsync(new ClosePeriod(_reports.LedgerId, new Period(2026, 2)));

        await _reports.Host.SendAsync(new ReverseJournalEntry(book.Sale, JournalEntryId.New));

        var february = await _reports.IncomeStatementAsync(new DateOnly(2026, 2, 1), Feb28);
        var march = await _reports.IncomeStatementAsync(new DateOnly(2026, 3, 1), Mar31);
        var tbFebruary = await _reports.TrialBalanceAsync(Feb28);
        var statement = await _reports.StatementAsync("4000", new DateOnly(2026, 3, 1), Mar31);

        Assert.Equal(4000m, february.TotalRevenue);
        Assert.Equal((-4000m, 1500m, -5500m), (march.TotalRevenue, march.TotalExpenses, march.Result));
        Assert.Equal((14000m, 14000m), (tbFebruary.TotalDebit, tbFebruary.TotalCredit));
        Assert.Equal((-4000m, new DateOnly(2026, 3, 1), 0m), (statement.OpeningBalance, statement.Lines.Single().EffectiveDate, statement.ClosingBalance));
    }
}

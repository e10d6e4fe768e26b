using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger.ReadModels;
using EventFlowApp.Ledger.Reports;
using EventFlowApp.Ledger.Reports.TrialBalances;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Reports.SmallLedger;

namespace EventFlowApp.Ledger.Tests.Reports;

public sealed class TrialBalanceSpec : IDisposable
{
    private readonly ReportHost _reports = new();

    public void Dispose() => _reports.Dispose();

    private static (string, decimal, decimal)[] Sides(TrialBalance tb) => tb.Lines.Select(l => (l.Code, l.Debit, l.Credit)).ToArray();

    [Fact]
    public async Task At_a_month_end_every_account_with_postings_is_listed_by_code_and_debits_equal_credits()
    {
        await SmallLedger.CreateAsync(_reports);

        var tb = await _reports.TrialBalanceAsync(Feb28);

        // 1000: 10000 - 1500 + 2500; 1100: 4000 - 2500; nothing of March; 2000 has no postings yet.
        Assert.Equal(
            [("1000", 11000m, 0m), ("1100", 1500m, 0m), ("3000", 0m, 10000m), ("4000", 0m, 4000m), ("6000", 1500m, 0m)],
            Sides(tb));
        Assert.Equal((14000m, 14000m, "EUR", 0), (tb.TotalDebit, tb.TotalCredit, tb.ReportingCurrency, tb.UnconvertedLines));
        Assert.Equal(("Account 1000", "Asset", "EUR", 11000m), (tb.Lines[0].Name, tb.Lines[0].Type, tb.Lines[0].Currency, tb.Lines[0].Balance));
    }

    [Fact]
    public async Task In_the_middle_of_a_month_the_days_up_to_the_date_count()
    {
        await SmallLedger.CreateAsync(_reports);

        var tb = await _reports.TrialBalanceAsync(new DateOnly(2026, 2, 15));

        Assert.Equal(
            [("1000", 8500m, 0m), ("1100", 4000m, 0m), ("3000", 0m, 10000m), ("4000", 0m, 4000m), ("6000", 1500m, 0m)],
            Sides(tb));
        Assert.Equal((14000m, 14000m), (tb.TotalDebit, tb.TotalCredit));
    }

    [Fact]
    public async Task Later_months_add_up_and_a_date_before_any_posting_gives_an_empty_balance()
    {
        await SmallLedger.CreateAsync(_reports);

        var march = await _reports.TrialBalanceAsync(Mar31);
        var before = await _reports.TrialBalanceAsync(new DateOnly(2025, 12, 31));

        Assert.Equal(
            [("1000", 11000m, 0m), ("1100", 1500m, 0m), ("2000", 0m, 1500m), ("3000", 0m, 10000m), ("4000", 0m, 4000m), ("6000", 3000m, 0m)],
            Sides(march));
        Assert.Equal((15500m, 15500m), (march.TotalDebit, march.TotalCredit));
        Assert.Empty(before.Lines);
    }

    [Fact]
    public async Task Whole_months_are_read_from_the_period_totals_and_only_a_partial_month_from_the_lines()
    {
        await SmallLedger.CreateAsync(_reports);
        await _reports.CatchUpAsync();
        var spy = new QuerySpy(_reports.Store);
        var report = new TrialBalanceReport(new LedgerReadings(spy));

        var monthEnd = await report.ProduceAsync(_reports.LedgerId, Feb28, null, LedgerHost.Ct);
        var monthEndReads = spy.Queried.ToList();
        spy.Queried.Clear();
        var midMonth = await report.ProduceAsync(_reports.LedgerId, new DateOnly(2026, 2, 15), null, LedgerHost.Ct);

        Assert.DoesNotContain(typeof(LedgerLine), monthEndReads);
        Assert.Contains(typeof(AccountPeriodTotal), monthEndReads);
        Assert.Contains(typeof(LedgerLine), spy.Queried);
        Assert.Equal(14000m, monthEnd.TotalDebit);
        Assert.Equal(14000m, midMonth.TotalDebit);
    }

    [Fact]
    public async Task The_fast_path_and_the_lines_give_the_same_report()
    {
        await SmallLedger.CreateAsync(_reports);
        var now = await _reports.PositionAsync();

        foreach (var date in new[] { Jan31, new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 27), Feb28, Mar31 })
        {
            var fast = await _reports.TrialBalanceAsync(date);
            var lines = await _reports.TrialBalanceAsync(date, ReportHost.KnownAt(now));
            Assert.Equal(Json.Of(fast), Json.Of(lines with { KnownAtPosition = null }));
        }
    }

    /// <summary>Records which read models a report queries.</summary>
    private sealed class QuerySpy(IReadModelStore inner) : IReadModelStore
    {
        public List<Type> Queried { get; } = [];

        public Task<TReadModel?> GetAsync<TReadModel>(string id, ReadModelView view, CancellationToken cancellationToken)
            where TReadModel : class, IReadModel => inner.GetAsync<TReadModel>(id, view, cancellationToken);

        public Task<IReadOnlyList<TResult>> QueryAsync<TReadModel, TResult>(
            ReadModelView view, Func<IQueryable<TReadModel>, IQueryable<TResult>> query, CancellationToken cancellationToken)
            where TReadModel : class, IReadModel
        {
            Queried.Add(typeof(TReadModel));
            return inner.QueryAsync(view, query, cancellationToken);
        }

        public Task<IReadOnlyDictionary<string, IReadModel>> LoadAsync(
            ReadModelDefinition definition, int generation, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
            inner.LoadAsync(definition, generation, ids, cancellationToken);

        public Task CommitAsync(ReadModelChanges changes, CancellationToken cancellationToken) => inner.CommitAsync(changes, cancellationToken);
    }
}

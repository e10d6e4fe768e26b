using EventFlowApp.Ledger.Reports;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Reports.SmallLedger;
using static EventFlowApp.Ledger.Tests.Support.LedgerHost;

namespace EventFlowApp.Ledger.Tests.Reports;

/// <summary>
/// A back-dated entry changes the reports of its (past) period; asked "as known at" a moment before it
/// was recorded, every report gives the answer it gave then.
/// </summary>
public sealed class BackDatedEntriesSpec : IDisposable
{
    private readonly ReportHost _reports = new();

    public void Dispose() => _reports.Dispose();

    private async Task<(SmallLedger Book, long Before, DateTimeOffset BeforeTime)> GivenALateRentInvoiceAsync()
    {
        var book = await SmallLedger.CreateAsync(_reports);
        var before = await _reports.PositionAsync();
        var beforeTime = _reports.Host.Clock.GetUtcNow();
        _reports.Host.Clock.Advance(TimeSpan.FromDays(40));
        // Recorded in March, effective on 31 January.
        await _reports.PostAsync(Jan31, "late rent invoice", Debit(book.Rent, 200.00m), Credit(book.Bank, 200.00m));
        return (book, before, beforeTime);
    }

    [Fact]
    public async Task The_trial_balance_of_the_past_period_changes_and_as_known_at_before_the_entry_it_does_not()
    {
        var (_, before, _) = await GivenALateRentInvoiceAsync();

        var now = await _reports.TrialBalanceAsync(Feb28);
        var then = await _reports.TrialBalanceAsync(Feb28, ReportHost.KnownAt(before));

        Assert.Equal([("1000", 10800m), ("6000", 1700m)], now.Lines.Where(l => l.Code is "1000" or "6000").Select(l => (l.Code, l.Debit)));
        Assert.Equal([("1000", 11000m), ("6000", 1500m)], then.Lines.Where(l => l.Code is "1000" or "6000").Select(l => (l.Code, l.Debit)));
        Assert.Equal((14000m, 14000m, (long?)before), (then.TotalDebit, then.TotalCredit, then.KnownAtPosition));
    }

    [Fact]
    public async Task As_known_at_a_time_leaves_out_what_was_recorded_after_it()
    {
        var (_, _, beforeTime) = await GivenALateRentInvoiceAsync();

        var then = await _reports.IncomeStatementAsync(new DateOnly(2026, 1, 1), Jan31, new ReportOptions(AsKnownAt.AtTime(beforeTime.AddDays(1))));
        var now = await _reports.IncomeStatementAsync(new DateOnly(2026, 1, 1), Jan31);

        Assert.Equal((1500m, 1700m), (then.TotalExpenses, now.TotalExpenses));
    }

    [Fact]
    public async Task The_statement_balance_sheet_and_income_statement_of_january_follow_and_as_known_at_keeps_the_old_answer()
    {
        var (_, before, _) = await GivenALateRentInvoiceAsync();
        var old = ReportHost.KnownAt(before);

        var statement = await _reports.StatementAsync("1000", new DateOnly(2026, 1, 1), Feb28);
        var oldStatement = await _reports.StatementAsync("1000", new DateOnly(2026, 1, 1), Feb28, old);
        var sheet = await _reports.BalanceSheetAsync(Jan31);
        var oldSheet = await _reports.BalanceSheetAsync(Jan31, old);

        Assert.Equal(["capital", "rent", "late rent invoice", "receipt"], statement.Lines.Select(l => l.Description));
        Assert.Equal(10800m, statement.ClosingBalance);
        Assert.Equal(["capital", "rent", "receipt"], oldStatement.Lines.Select(l => l.Description));
        Assert.Equal(11000m, oldStatement.ClosingBalance);
        Assert.Equal((8300m, -1700m), (sheet.TotalAssets, sheet.CurrentResult));
        Assert.Equal((8500m, -1500m), (oldSheet.TotalAssets, oldSheet.CurrentResult));
    }

    [Fact]
    public async Task The_february_statement_opens_with_the_changed_january_balance()
    {
        var (_, before, _) = await GivenALateRentInvoiceAsync();

        var statement = await _reports.StatementAsync("1000", new DateOnly(2026, 2, 1), Feb28);
        var oldStatement = await _reports.StatementAsync("1000", new DateOnly(2026, 2, 1), Feb28, ReportHost.KnownAt(before));

        Assert.Equal((8300m, 10800m), (statement.OpeningBalance, statement.ClosingBalance));
        Assert.Equal((8500m, 11000m), (oldStatement.OpeningBalance, oldStatement.ClosingBalance));
    }
}

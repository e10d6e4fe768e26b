using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Reports.SmallLedger;

namespace EventFlowApp.Ledger.Tests.Reports;

public sealed class IncomeStatementAndBalanceSheetSpec : IDisposable
{
    private readonly ReportHost _reports = new();

    public void Dispose() => _reports.Dispose();

    [Fact]
    public async Task The_income_statement_of_a_month_has_only_that_months_revenue_and_expenses()
    {
        await SmallLedger.CreateAsync(_reports);

        var february = await _reports.IncomeStatementAsync(new DateOnly(2026, 2, 1), Feb28);

        Assert.Equal([("4000", 4000m)], february.Revenue.Select(r => (r.Code, r.Amount)));
        Assert.Empty(february.Expenses);
        Assert.Equal((4000m, 0m, 4000m), (february.TotalRevenue, february.TotalExpenses, february.Result));
    }

    [Fact]
    public async Task The_income_statement_of_a_quarter_nets_revenue_against_expenses()
    {
        await SmallLedger.CreateAsync(_reports);

        var quarter = await _reports.IncomeStatementAsync(new DateOnly(2026, 1, 1), Mar31);
        var partial = await _reports.IncomeStatementAsync(new DateOnly(2026, 1, 15), new DateOnly(2026, 3, 2));

        Assert.Equal([("6000", 3000m)], quarter.Expenses.Select(e => (e.Code, e.Amount)));
        Assert.Equal((4000m, 3000m, 1000m), (quarter.TotalRevenue, quarter.TotalExpenses, quarter.Result));
        // 15 January to 2 March: E2's rent and E3's sale, not E5's accrual of 3 March.
        Assert.Equal((4000m, 1500m, 2500m), (partial.TotalRevenue, partial.TotalExpenses, partial.Result));
    }

    [Fact]
    public async Task The_balance_sheet_balances_with_the_current_result_in_equity()
    {
        await SmallLedger.CreateAsync(_reports);

        var sheet = await _reports.BalanceSheetAsync(Mar31);

        Assert.Equal([("1000", 11000m), ("1100", 1500m)], sheet.Assets.Select(a => (a.Code, a.Amount)));
        Assert.Equal([("2000", 1500m)], sheet.Liabilities.Select(l => (l.Code, l.Amount)));
        Assert.Equal([("3000", 10000m)], sheet.Equity.Select(e => (e.Code, e.Amount)));
        Assert.Equal((12500m, 1500m, 1000m, 11000m, 12500m), (sheet.TotalAssets, sheet.TotalLiabilities, sheet.CurrentResult, sheet.TotalEquity, sheet.TotalLiabilitiesAndEquity));
    }

    [Fact]
    public async Task A_balance_sheet_in_january_shows_the_loss_so_far()
    {
        await SmallLedger.CreateAsync(_reports);

        var sheet = await _reports.BalanceSheetAsync(Jan31);

        Assert.Equal((8500m, 0m, -1500m, 8500m, 8500m), (sheet.TotalAssets, sheet.TotalLiabilities, sheet.CurrentResult, sheet.TotalEquity, sheet.TotalLiabilitiesAndEquity));
    }
}

using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;

namespace EventFlowApp.Ledger.Reports.IncomeStatements;

/// <summary>The income statement for the dates from and to, both included.</summary>
public sealed class IncomeStatementReport(LedgerReadings readings)
{
    public async Task<IncomeStatement> ProduceAsync(
        GeneralLedgerId ledger, DateOnly from, DateOnly to, ReportOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (to < from)
        {
            throw new DomainError("report.dates_invalid", $"A period from {from:yyyy-MM-dd} to {to:yyyy-MM-dd} ends before it starts.");
        }

        options ??= ReportOptions.Now;
        var reporting = (await readings.BookAsync(ledger, options, cancellationToken)).ReportingCurrency;
        var chart = await readings.ChartAsync(ledger, options, cancellationToken);
        var sums = await readings.SumAsync(ledger, from, to, null, options, cancellationToken);

        var revenue = ReportAmounts.Of(sums, chart, a => a.Is(AccountType.Revenue), reporting);
        var expenses = ReportAmounts.Of(sums, chart, a => a.Is(AccountType.Expense), reporting);
        var totalRevenue = ReportMoney.Normalize(revenue.Sum(r => r.Amount), reporting);
        var totalExpenses = ReportMoney.Normalize(expenses.Sum(e => e.Amount), reporting);
        return new IncomeStatement(
            ledger.Value, from, to, options.KnownAt?.Position, options.KnownAt?.Time, reporting,
            revenue, totalRevenue, expenses, totalExpenses, ReportMoney.Normalize(totalRevenue - totalExpenses, reporting),
            sums.Values.Where(s => chart.TryGetValue(s.Code, out var a) && (a.Is(AccountType.Revenue) || a.Is(AccountType.Expense))).Sum(s => s.UnconvertedLines));
    }
}

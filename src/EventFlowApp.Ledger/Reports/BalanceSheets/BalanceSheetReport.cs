using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;

namespace EventFlowApp.Ledger.Reports.BalanceSheets;

/// <summary>The balance sheet as of a date (everything effective up to and including it).</summary>
public sealed class BalanceSheetReport(LedgerReadings readings)
{
    public async Task<BalanceSheet> ProduceAsync(GeneralLedgerId ledger, DateOnly asOf, ReportOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= ReportOptions.Now;
        var reporting = (await readings.BookAsync(ledger, options, cancellationToken)).ReportingCurrency;
        var chart = await readings.ChartAsync(ledger, options, cancellationToken);
        var sums = await readings.SumAsync(ledger, null, asOf, null, options, cancellationToken);

        var assets = ReportAmounts.Of(sums, chart, a => a.Is(AccountType.Asset), reporting);
        var liabilities = ReportAmounts.Of(sums, chart, a => a.Is(AccountType.Liability), reporting);
        var equity = ReportAmounts.Of(sums, chart, a => a.Is(AccountType.Equity), reporting);
        var revenue = ReportAmounts.Of(sums, chart, a => a.Is(AccountType.Revenue), reporting).Sum(r => r.Amount);
        var expenses = ReportAmounts.Of(sums, chart, a => a.Is(AccountType.Expense), reporting).Sum(e => e.Amount);

        var result = revenue - expenses;
        var totalLiabilities = liabilities.Sum(l => l.Amount);
        var totalEquity = equity.Sum(e => e.Amount) + result;
        return new BalanceSheet(
            ledger.Value, asOf, options.KnownAt?.Position, options.KnownAt?.Time, reporting,
            assets, ReportMoney.Normalize(assets.Sum(a => a.Amount), reporting),
            liabilities, ReportMoney.Normalize(totalLiabilities, reporting),
            equity, ReportMoney.Normalize(result, reporting), ReportMoney.Normalize(totalEquity, reporting),
            ReportMoney.Normalize(totalLiabilities + totalEquity, reporting),
            sums.Values.Sum(s => s.UnconvertedLines));
    }
}

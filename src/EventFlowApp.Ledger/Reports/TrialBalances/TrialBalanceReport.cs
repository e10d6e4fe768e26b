using EventFlowApp.Ledger.GeneralLedger;

namespace EventFlowApp.Ledger.Reports.TrialBalances;

/// <summary>The trial balance as of a date. Without "as known at" it reads the period totals for whole months.</summary>
public sealed class TrialBalanceReport(LedgerReadings readings)
{
    public async Task<TrialBalance> ProduceAsync(GeneralLedgerId ledger, DateOnly asOf, ReportOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= ReportOptions.Now;
        var book = await readings.BookAsync(ledger, options, cancellationToken);
        var chart = await readings.ChartAsync(ledger, options, cancellationToken);
        var sums = await readings.SumAsync(ledger, null, asOf, null, options, cancellationToken);
        var reporting = book.ReportingCurrency;

        var lines = sums.Values
            .Where(s => s.Lines > 0)
            .OrderBy(s => s.Code, StringComparer.Ordinal)
            .Select(s =>
            {
                var account = ReportChart.Account(chart, s.Code);
                var balance = s.ReportingBalance;
                return new TrialBalanceLine(
                    s.Code, account.Name, account.Type, account.Currency,
                    ReportMoney.Normalize(s.Balance, account.Currency),
                    ReportMoney.Normalize(Math.Max(balance, 0m), reporting),
                    ReportMoney.Normalize(Math.Max(-balance, 0m), reporting));
            })
            .ToList();

        return new TrialBalance(
            ledger.Value, asOf, options.KnownAt?.Position, options.KnownAt?.Time, reporting, lines,
            ReportMoney.Normalize(lines.Sum(l => l.Debit), reporting),
            ReportMoney.Normalize(lines.Sum(l => l.Credit), reporting),
            sums.Values.Sum(s => s.UnconvertedLines));
    }
}

namespace EventFlowApp.Ledger.Reports;

/// <summary>An account's amount in a statement, positive on the side its type grows on (reporting currency).</summary>
public sealed record ReportAmount(string Code, string Name, decimal Amount);

internal static class ReportAmounts
{
    /// <summary>The accounts of the chart that <paramref name="include"/> picks and that had lines, by code, each signed by its normal side.</summary>
    public static IReadOnlyList<ReportAmount> Of(
        IReadOnlyDictionary<string, AccountSum> sums, IReadOnlyDictionary<string, ChartAccount> chart, Func<ChartAccount, bool> include, string reporting) =>
        sums.Values
            .Where(s => s.Lines > 0)
            .Select(s => (Sum: s, Account: ReportChart.Account(chart, s.Code)))
            .Where(x => include(x.Account))
            .OrderBy(x => x.Sum.Code, StringComparer.Ordinal)
            .Select(x => new ReportAmount(
                x.Account.Code, x.Account.Name,
                ReportMoney.Normalize(x.Account.IsDebitNormal() ? x.Sum.ReportingBalance : -x.Sum.ReportingBalance, reporting)))
            .ToList();
}

using EventFlowApp.Ledger.Accounts;

namespace EventFlowApp.Ledger.Reports;

internal static class ReportChart
{
    /// <summary>The chart's account for a code found in the lines; the chart always has it, as accounts are opened before postings.</summary>
    public static ChartAccount Account(IReadOnlyDictionary<string, ChartAccount> chart, string code) =>
        chart.TryGetValue(code, out var account)
            ? account
            : throw new InvalidOperationException($"Account {code} has lines but is not in the chart read model; rebuild the read models.");

    public static bool Is(this ChartAccount account, AccountType type) => account.Type == type.ToString();

    /// <summary>Assets and expenses grow with debits; the others with credits.</summary>
    public static bool IsDebitNormal(this ChartAccount account) => account.Is(AccountType.Asset) || account.Is(AccountType.Expense);
}

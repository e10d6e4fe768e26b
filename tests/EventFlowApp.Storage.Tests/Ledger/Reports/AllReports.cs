using System.Text.Json;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Reports;
using EventFlowApp.Ledger.Reports.AccountStatements;
using EventFlowApp.Ledger.Reports.Ageing;
using EventFlowApp.Ledger.Reports.BalanceSheets;
using EventFlowApp.Ledger.Reports.IncomeStatements;
using EventFlowApp.Ledger.Reports.TrialBalances;

namespace EventFlowApp.Storage.Tests.Ledger.Reports;

/// <summary>
/// Every report over the mixed history, at month ends and mid-month, over whole and partial months (so both
/// the period-total and the line paths run), serialised as the determinism tests compare them.
/// </summary>
public static class AllReports
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private static readonly DateOnly[] Dates = [new(2026, 1, 31), new(2026, 2, 14), new(2026, 2, 28), new(2026, 3, 31), new(2026, 4, 30)];

    private static readonly (DateOnly From, DateOnly To)[] Periods =
        [(new(2026, 1, 1), new(2026, 4, 30)), (new(2026, 2, 1), new(2026, 2, 28)), (new(2026, 1, 15), new(2026, 3, 10))];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Label and JSON of each report; <paramref name="forgetKnownAt"/> blanks the "as known at" echo, so a
    /// point-in-time view can be compared with "as known at" the same moment.
    /// </summary>
    public static async Task<List<KeyValuePair<string, string>>> ProduceAsync(
        LedgerReportHost host, GeneralLedgerId ledger, ReportOptions options, bool forgetKnownAt = false)
    {
        var reports = new List<KeyValuePair<string, string>>();
        void Add<T>(string label, T report) => reports.Add(new(label, JsonSerializer.Serialize(report, Json)));

        foreach (var date in Dates)
        {
            var tb = await host.Get<TrialBalanceReport>().ProduceAsync(ledger, date, options, Ct);
            Add($"trial balance {date}", forgetKnownAt ? tb with { KnownAtPosition = null, KnownAtTime = null } : tb);
            var sheet = await host.Get<BalanceSheetReport>().ProduceAsync(ledger, date, options, Ct);
            Add($"balance sheet {date}", forgetKnownAt ? sheet with { KnownAtPosition = null, KnownAtTime = null } : sheet);
            foreach (var kind in new[] { CounterpartyKind.Supplier, CounterpartyKind.Customer })
            {
                var ageing = await host.Get<AgeingReportQuery>().ProduceAsync(ledger, kind, date, options, Ct);
                Add($"{kind} ageing {date}", forgetKnownAt ? ageing with { KnownAtPosition = null, KnownAtTime = null } : ageing);
            }
        }

        foreach (var (from, to) in Periods)
        {
            var income = await host.Get<IncomeStatementReport>().ProduceAsync(ledger, from, to, options, Ct);
            Add($"income statement {from}..{to}", forgetKnownAt ? income with { KnownAtPosition = null, KnownAtTime = null } : income);
            foreach (var code in MixedLedgerHistory.Codes)
            {
                var statement = await host.Get<AccountStatementReport>().ProduceAsync(ledger, code, from, to, options, Ct);
                Add($"statement {code} {from}..{to}", forgetKnownAt ? statement with { KnownAtPosition = null, KnownAtTime = null } : statement);
            }
        }

        return reports;
    }
}

using System.Globalization;
using EventFlowApp.Bench.Scenarios;

namespace EventFlowApp.Bench.Reporting;

/// <summary>The performance targets the kernel is held to, checked against a run's measurements.</summary>
public static class Targets
{
    private sealed record Target(string Provider, string Scenario, string Path, string ComparedTo, double Minimum, string Description);

    private static readonly Target[] All =
    [
        new("PostgreSQL", Names.BatchedAppends, Names.KernelStore, "raw INSERT ... unnest", 0.5, "PostgreSQL batched append >= 0.50 of raw unnest INSERT"),
        new("PostgreSQL", Names.SingleAppends, Names.KernelStore, Names.RawSingleInsert, 0.6, "PostgreSQL single append >= 0.60 of raw single-row transactions"),
        new("PostgreSQL", Names.LoadAggregate, Names.LoadSnapshot, Names.LoadNoSnapshot, 20, "PostgreSQL snapshot load >= 20x faster than replaying 10k events"),
        new("SQLite", Names.SingleAppends, Names.KernelStore, Names.RawSingleInsert, 0.6, "(SQLite, for reference) single append >= 0.60 of raw"),
        new("SQLite", Names.LoadAggregate, Names.LoadSnapshot, Names.LoadNoSnapshot, 20, "SQLite snapshot load >= 20x faster than replaying 10k events"),
        new("PostgreSQL", Names.Rebuild, Names.KernelRebuildBoth, Names.RawRebuildBoth, 0.25, "PostgreSQL rebuild (balances + lines) >= 0.25 of the raw baseline"),
        new("SQLite", Names.Rebuild, Names.KernelRebuildBoth, Names.RawRebuildBoth, 0.25, "SQLite rebuild (balances + lines) >= 0.25 of the raw baseline"),
    ];

    /// <summary>A time limit: the path's (median) time at most <paramref name="MaxSeconds"/> over at least <paramref name="MinEvents"/>.</summary>
    private sealed record TimeTarget(string Provider, string Scenario, string Path, double MaxSeconds, long MinEvents, string Description);

    private static readonly TimeTarget[] Times =
    [
        new("PostgreSQL", Names.TrialBalance, Names.TrialBalanceTotals, 1.0, 1_000_000, "PostgreSQL trial balance over >= 1,000,000 ledger lines in < 1 s"),
    ];

    public static IReadOnlyList<string> Check(IReadOnlyList<Measurement> rows)
    {
        var lines = new List<string>();
        foreach (var target in All)
        {
            var row = rows.FirstOrDefault(r => r.Provider == target.Provider && r.Scenario == target.Scenario && r.Path == target.Path);
            if (row is null || ResultTable.Ratio(row, target.ComparedTo, rows) is not { } ratio)
            {
                continue;
            }

            var verdict = ratio >= target.Minimum ? "met" : "NOT met";
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{target.Description}: {ratio:0.00} ({verdict})"));
        }

        foreach (var target in Times)
        {
            if (rows.FirstOrDefault(r => r.Provider == target.Provider && r.Scenario == target.Scenario && r.Path == target.Path) is not { } row)
            {
                continue;
            }

            var verdict = row.Events < target.MinEvents ? $"not checked: {row.Events:N0} lines (scaled run)"
                : row.Elapsed.TotalSeconds < target.MaxSeconds ? "met" : "NOT met";
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{target.Description}: {row.Elapsed.TotalMilliseconds:0} ms over {row.Events:N0} lines ({verdict})"));
        }

        return lines;
    }
}

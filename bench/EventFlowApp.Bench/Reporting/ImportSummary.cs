using System.Globalization;

namespace EventFlowApp.Bench.Reporting;

/// <summary>The import scenario in the units an importer thinks in: lines/s and entries/s.</summary>
public static class ImportSummary
{
    public static IReadOnlyList<string> Describe(IReadOnlyList<Measurement> rows) =>
        rows.Where(r => r.Lines > 0)
            .Select(r =>
            {
                var ratio = r.ComparedTo.Count > 0 && ResultTable.Ratio(r, r.ComparedTo[0], rows) is { } value
                    ? string.Create(CultureInfo.InvariantCulture, $" ({value:0.00} of the raw baseline)")
                    : "";
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"{r.Provider}, {r.Path}: {r.Lines:N0} lines ({r.Entries:N0} entries) in {r.Elapsed.TotalSeconds:0.00} s = {r.Lines / r.Elapsed.TotalSeconds:N0} lines/s, {r.Entries / r.Elapsed.TotalSeconds:N0} entries/s{ratio}");
            })
            .ToList();
}

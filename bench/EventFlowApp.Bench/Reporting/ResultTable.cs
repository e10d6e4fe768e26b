using System.Globalization;
using System.Text;

namespace EventFlowApp.Bench.Reporting;

/// <summary>Renders measurements as a Markdown table (readable on the console too).</summary>
public static class ResultTable
{
    private static readonly string[] Header = ["Provider", "Scenario", "Path", "Events", "Time", "Events/s", "Ratio (this ÷ compared)"];

    public static string Render(IReadOnlyList<Measurement> rows)
    {
        var lines = new List<string[]> { Header };
        lines.AddRange(rows.Select(r => new[]
        {
            r.Provider, r.Scenario, r.Path, r.Events.ToString("N0", CultureInfo.InvariantCulture), FormatTime(r.Elapsed),
            r.EventsPerSecond.ToString("N0", CultureInfo.InvariantCulture), Ratios(r, rows),
        }));
        var widths = Enumerable.Range(0, lines[0].Length).Select(c => lines.Max(l => l[c].Length)).ToArray();
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            text.AppendLine(Row(lines[i], widths));
            if (i == 0)
            {
                text.AppendLine(Row(widths.Select(w => new string('-', w)).ToArray(), widths));
            }
        }

        return text.ToString();
    }

    /// <summary>events/s of <paramref name="row"/> divided by events/s of <paramref name="comparedTo"/> (same provider and scenario).</summary>
    public static double? Ratio(Measurement row, string comparedTo, IReadOnlyList<Measurement> rows) =>
        rows.FirstOrDefault(o => o.Provider == row.Provider && o.Scenario == row.Scenario && o.Path == comparedTo) is { } other
            ? row.EventsPerSecond / other.EventsPerSecond
            : null;

    private static string Ratios(Measurement row, IReadOnlyList<Measurement> rows) =>
        string.Join("; ", row.ComparedTo.Select(name => Ratio(row, name, rows) is { } ratio
            ? string.Create(CultureInfo.InvariantCulture, $"{(ratio >= 10 ? ratio.ToString("0.0", CultureInfo.InvariantCulture) : ratio.ToString("0.00", CultureInfo.InvariantCulture))} ÷ {name}")
            : $"? ÷ {name}"));

    private static string FormatTime(TimeSpan elapsed) =>
        elapsed.TotalSeconds >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.00} s")
            : string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalMilliseconds:0.0} ms");

    private static string Row(string[] cells, int[] widths) =>
        "| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |";
}

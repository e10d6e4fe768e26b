using System.Globalization;

namespace EventFlowApp.Bench.Reporting;

/// <summary>For paths measured several times: the median the table shows, and the range around it.</summary>
public static class Spreads
{
    public static IReadOnlyList<string> Describe(IReadOnlyList<Measurement> rows) =>
        rows.Where(r => r.Times.Count > 1)
            .Select(r =>
            {
                var (min, max) = (r.Times.Min(), r.Times.Max());
                var rates = string.Create(CultureInfo.InvariantCulture, $"{r.Events / max.TotalSeconds:N0}-{r.Events / min.TotalSeconds:N0}/s");
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"{r.Provider}, {r.Scenario}, {r.Path}: median {Format(r.Elapsed)}, range {Format(min)}-{Format(max)} ({rates}) over {r.Times.Count} runs");
            })
            .ToList();

    private static string Format(TimeSpan time) =>
        time.TotalSeconds >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.00} s")
            : string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:0} ms");
}

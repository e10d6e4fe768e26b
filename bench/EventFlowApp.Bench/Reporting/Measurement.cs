using System.Diagnostics;

namespace EventFlowApp.Bench.Reporting;

/// <summary>
/// One timed path. <see cref="ComparedTo"/> names the paths (same provider and scenario) this one is divided
/// by in the ratio column: events/s of this path ÷ events/s of that one.
/// </summary>
public sealed record Measurement(string Provider, string Scenario, string Path, long Events, TimeSpan Elapsed, IReadOnlyList<string> ComparedTo)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    /// <summary>For the import scenario: the file's lines and entries that <see cref="Elapsed"/> imported (0 elsewhere).</summary>
    public long Lines { get; init; }

    public long Entries { get; init; }

    public static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var stopwatch = Stopwatch.StartNew();
        await action();
        return stopwatch.Elapsed;
    }

    /// <summary>Runs <paramref name="action"/> <paramref name="repetitions"/> times and returns the median time.</summary>
    public static async Task<TimeSpan> MedianAsync(int repetitions, Func<Task> action)
    {
        var times = new List<TimeSpan>(repetitions);
        for (var i = 0; i < repetitions; i++)
        {
            times.Add(await TimeAsync(action));
        }

        times.Sort();
        return times[times.Count / 2];
    }
}

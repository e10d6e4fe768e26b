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

    /// <summary>Every time measured when <see cref="Elapsed"/> is their median (empty for a single or summed time).</summary>
    public IReadOnlyList<TimeSpan> Times { get; init; } = [];

    public static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var stopwatch = Stopwatch.StartNew();
        await action();
        return stopwatch.Elapsed;
    }

    /// <summary>Runs <paramref name="action"/> <paramref name="repetitions"/> times and returns the median time.</summary>
    public static async Task<TimeSpan> MedianAsync(int repetitions, Func<Task> action) => Median(await RepeatAsync(repetitions, action));

    /// <summary>Runs <paramref name="action"/> <paramref name="repetitions"/> times and returns every time, in order.</summary>
    public static async Task<List<TimeSpan>> RepeatAsync(int repetitions, Func<Task> action)
    {
        var times = new List<TimeSpan>(repetitions);
        for (var i = 0; i < repetitions; i++)
        {
            times.Add(await TimeAsync(action));
        }

        return times;
    }

    public static TimeSpan Median(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

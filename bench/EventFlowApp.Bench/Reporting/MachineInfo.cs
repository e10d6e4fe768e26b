using System.Globalization;
using System.Runtime.InteropServices;

namespace EventFlowApp.Bench.Reporting;

/// <summary>What the numbers were measured on.</summary>
public static class MachineInfo
{
    public static IReadOnlyList<string> Describe(IReadOnlyDictionary<string, string> databaseVersions)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"),
            $"CPU: {CpuModel()}, {Environment.ProcessorCount} cores visible to the process (shared with other work)",
            string.Create(CultureInfo.InvariantCulture, $"Memory: {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024.0):0.0} GiB available"),
            $"OS: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})",
            $"Runtime: {RuntimeInformation.FrameworkDescription}",
        };
        lines.AddRange(databaseVersions.Select(v => $"{v.Key}: {v.Value}"));
        return lines;
    }

    private static string CpuModel()
    {
        const string file = "/proc/cpuinfo";
        var model = File.Exists(file)
            ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return model ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}

using System.Net.Http.Json;
using System.Text.Json;

namespace EventFlowApp.Web.Tests.Reports;

/// <summary>
/// Bounded waits on the host's background processors, through the API an operator would use: the host
/// updates the read models (all but the consistent-on-write balances) a moment after each command.
/// </summary>
public static class ReadModelsCaughtUp
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Until every ledger read model has a live generation whose processor is active with no lag.</summary>
    public static Task WaitAsync(HttpClient client) =>
        PollAsync("the ledger's live read models to catch up", async () =>
        {
            var live = (await LedgerReadModelsAsync(client)).Values.Select(gs => gs.FirstOrDefault(g => g.State == "Live")).ToList();
            if (live.Any(g => g is null))
            {
                return false;
            }

            var processors = (await client.GetFromJsonAsync<JsonElement>("/api/processors", Ct)).EnumerateArray()
                .ToDictionary(p => p.GetProperty("name").GetString()!, p => (Lag: p.GetProperty("lag").GetInt64(), State: p.GetProperty("state").GetString()));
            return live.All(g => processors.TryGetValue($"rm:{g!.ReadModel}:{g.Number}", out var p) && p.Lag == 0 && p.State == "Active");
        });

    /// <summary>Until the generation named <paramref name="name"/> of every ledger read model is complete.</summary>
    public static Task WaitForPointInTimeAsync(HttpClient client, string name) =>
        PollAsync($"point-in-time generation '{name}'", async () =>
        {
            var named = (await LedgerReadModelsAsync(client)).Values.Select(gs => gs.FirstOrDefault(g => g.Name == name)).ToList();
            Assert.DoesNotContain(named, g => g?.State is "Failed" or "Cancelled");
            return named.All(g => g?.State == "Complete");
        });

    /// <summary>The ledger's read models (ledger_...) by name, each with its generations.</summary>
    public static async Task<Dictionary<string, List<Generation>>> LedgerReadModelsAsync(HttpClient client)
    {
        var readModels = await client.GetFromJsonAsync<JsonElement>("/api/read-models", Ct);
        return readModels.EnumerateArray()
            .Select(r => r.GetProperty("name").GetString()!)
            .Zip(readModels.EnumerateArray().Select(r => r.GetProperty("generations")))
            .Where(r => r.First.StartsWith("ledger_", StringComparison.Ordinal))
            .ToDictionary(
                r => r.First,
                r => r.Second.EnumerateArray().Select(g => new Generation(
                    r.First, g.GetProperty("generation").GetInt32(), g.GetProperty("state").GetString()!,
                    g.GetProperty("name").ValueKind == JsonValueKind.String ? g.GetProperty("name").GetString() : null)).ToList());
    }

    private static async Task PollAsync(string what, Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Gave up waiting for {what} after {Limit.TotalSeconds} s.");
            await Task.Delay(50, Ct);
        }
    }

    public sealed record Generation(string ReadModel, int Number, string State, string? Name);
}

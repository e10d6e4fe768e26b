using System.Net.Http.Json;
using System.Text.Json;

namespace EventFlowApp.Web.Tests.Processes;

/// <summary>
/// Real processes, real databases: a node killed with SIGKILL in the middle of a rebuild, and two nodes
/// sharing one database. Every wait is bounded.
/// </summary>
public sealed class CrashRecoveryTests
{
    private const int Entries = 1500;
    private const string Lines = "ledger_lines";
    private const string Rebuilt = "rm:ledger_lines:2";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sqlite_a_rebuild_killed_midway_resumes_after_restart_while_the_live_generation_stays_whole()
    {
        await using var database = ProcessDatabase.Sqlite();
        await KilledRebuildResumesAsync(database);
    }

    [Fact]
    public async Task PostgreSql_a_rebuild_killed_midway_resumes_after_restart_while_the_live_generation_stays_whole()
    {
        await using var database = await ProcessDatabase.PostgreSqlAsync(Ct);
        Assert.SkipWhen(database is null, "EVENTFLOWAPP_TEST_POSTGRES is not set");
        await KilledRebuildResumesAsync(database);
    }

    [Fact]
    public async Task Sqlite_two_nodes_on_one_database_apply_every_event_exactly_once()
    {
        await using var database = ProcessDatabase.Sqlite();
        await TwoNodesShareTheWorkAsync(database);
    }

    [Fact]
    public async Task PostgreSql_two_nodes_on_one_database_apply_every_event_exactly_once()
    {
        await using var database = await ProcessDatabase.PostgreSqlAsync(Ct);
        Assert.SkipWhen(database is null, "EVENTFLOWAPP_TEST_POSTGRES is not set");
        await TwoNodesShareTheWorkAsync(database);
    }

    private static async Task KilledRebuildResumesAsync(ProcessDatabase database)
    {
        long killedAt;
        await using (var first = await AppProcess.StartAsync(database.Settings("node-a", batchSize: 5), Ct))
        {
            await LedgerSeed.PostAsync(first.Client, Entries, Ct);
            await CaughtUpAsync(first.Client);
            Assert.Equal(2 * Entries, await RowsAsync(database, generation: 1));

            var started = await first.Client.PostAsync(new Uri($"/api/read-models/{Lines}/rebuilds", UriKind.Relative), null, Ct);
            Assert.Equal(System.Net.HttpStatusCode.Accepted, started.StatusCode);
            var midway = await Eventually.Async(() => ProcessorAsync(first.Client, Rebuilt), p => p is { } s && s.Position > 0 && s.Position < s.Head);
            Assert.Equal(2 * Entries, await RowsAsync(database, generation: 1));
            await first.KillAsync();
            killedAt = await database.ScalarAsync($"SELECT position FROM processors WHERE name = '{Rebuilt}'", Ct);
            Assert.True(killedAt >= midway!.Position);
        }

        Assert.True(killedAt < await database.ScalarAsync("SELECT MAX(global_sequence_number) FROM events", Ct), "The rebuild finished before the kill.");
        Assert.Equal(2 * Entries, await RowsAsync(database, generation: 1));

        await using var second = await AppProcess.StartAsync(database.Settings("node-b", batchSize: 5), Ct);
        var positions = new List<long>();
        var live = await Eventually.Async(async () =>
        {
            if (await ProcessorAsync(second.Client, Rebuilt) is { } p)
            {
                positions.Add(p.Position);
            }

            return await GenerationStateAsync(second.Client, 2);
        }, state => state == "Live", seconds: 120);

        Assert.Equal("Live", live);
        Assert.All(positions, p => Assert.True(p >= killedAt, $"The resumed rebuild went back to {p} (killed at {killedAt})."));
        Assert.Equal(2 * Entries, await RowsAsync(database, generation: 2));
        Assert.Equal(await DebitsAsync(database, 1), await DebitsAsync(database, 2));
        Assert.Equal("Retired", await GenerationStateAsync(second.Client, 1));
        if (database.Provider == "PostgreSql")
        {
            // The resume was a Hangfire job of its own, starting from the checkpoint the killed node left.
            Assert.Equal(1, await database.ScalarAsync(
                "SELECT COUNT(*) FROM hangfire.job j JOIN hangfire.jobparameter p ON p.jobid = j.id AND p.name = 'EventFlowAppJobId' " +
                $"WHERE j.statename = 'Succeeded' AND p.value LIKE '\"read-model-generation:{Lines}:2:%@{killedAt}\"'", Ct));
        }
    }

    private static async Task TwoNodesShareTheWorkAsync(ProcessDatabase database)
    {
        await using var first = await AppProcess.StartAsync(database.Settings("node-a", batchSize: 20), Ct);
        await using var second = await AppProcess.StartAsync(database.Settings("node-b", batchSize: 20), Ct);

        await LedgerSeed.PostAsync(first.Client, Entries, Ct);
        await CaughtUpAsync(first.Client);

        // Sums are not idempotent: an event applied by both nodes would count twice.
        var totals = await database.ScalarAsync(
            "SELECT SUM(t.lines) FROM rm_ledger_account_period_totals t JOIN read_model_generations g " +
            "ON g.read_model = 'ledger_account_period_totals' AND g.generation = t.generation AND g.state = 'Live'", Ct);
        Assert.Equal(2 * Entries, totals);
        Assert.Equal(2 * Entries, await RowsAsync(database, generation: 1));
        // A lease owner is the node and its run ("node-a/<run>"); every processor is held by one of the two nodes or by none.
        Assert.All(await ProcessorsAsync(first.Client), p => Assert.True(
            p.LeaseOwner is null || p.LeaseOwner.StartsWith("node-a/", StringComparison.Ordinal) || p.LeaseOwner.StartsWith("node-b/", StringComparison.Ordinal),
            p.LeaseOwner));
        Assert.True(first.Output.Length < 100_000 && second.Output.Length < 100_000);
    }

    private static Task CaughtUpAsync(HttpClient client) =>
        Eventually.Async(() => ProcessorsAsync(client), all => all.Count > 0 && all.All(p => p.Lag == 0 && p.State == "Active"), seconds: 120);

    private static async Task<IReadOnlyList<Processor>> ProcessorsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/processors", UriKind.Relative), Ct)).EnumerateArray()
            .Select(p => new Processor(
                p.GetProperty("name").GetString()!,
                p.GetProperty("position").GetInt64(),
                p.GetProperty("head").GetInt64(),
                p.GetProperty("lag").GetInt64(),
                p.GetProperty("state").GetString()!,
                p.GetProperty("leaseOwner").GetString()))
            .ToList();

    private static async Task<Processor?> ProcessorAsync(HttpClient client, string name) =>
        (await ProcessorsAsync(client)).FirstOrDefault(p => p.Name == name);

    private static async Task<string?> GenerationStateAsync(HttpClient client, int generation)
    {
        using var response = await client.GetAsync(new Uri($"/api/read-models/{Lines}/generations/{generation}", UriKind.Relative), Ct);
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("state").GetString() : null;
    }

    private static Task<long> RowsAsync(ProcessDatabase database, int generation) =>
        database.ScalarAsync($"SELECT COUNT(*) FROM rm_ledger_lines WHERE generation = {generation}", Ct);

    /// <summary>Counted in whole units through CAST, so SQLite's text decimals and PostgreSQL's numerics compare alike.</summary>
    private static Task<long> DebitsAsync(ProcessDatabase database, int generation) =>
        database.ScalarAsync($"SELECT SUM(CAST(debit AS INTEGER)) FROM rm_ledger_lines WHERE generation = {generation}", Ct);

    private sealed record Processor(string Name, long Position, long Head, long Lag, string State, string? LeaseOwner);
}

/// <summary>Polls until a condition holds, for at most a bound; fails with the last value seen.</summary>
internal static class Eventually
{
    public static async Task<T> Async<T>(Func<Task<T>> read, Func<T, bool> done, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var value = await read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
            value = await read();
        }

        Assert.True(done(value), $"Not reached within {seconds} s; last value: {value}");
        return value;
    }
}

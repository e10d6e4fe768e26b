using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EventFlowApp.Web.Tests.Processes;

/// <summary>
/// Two app processes on one PostgreSQL database share Hangfire's queue: a rebuild of every read model
/// queued on one node is spread over both servers, and every job runs exactly once.
/// </summary>
public sealed class SharedQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostgreSql_two_processes_share_one_job_queue_and_run_each_job_once()
    {
        await using var database = await ProcessDatabase.PostgreSqlAsync(Ct)
            ?? throw new InvalidOperationException("EVENTFLOWAPP_TEST_POSTGRES is not set; run the tests with ./scripts/test.sh, which starts PostgreSQL.");
        await using var first = await AppProcess.StartAsync(database.Settings("node-a", batchSize: 50), Ct);
        await using var second = await AppProcess.StartAsync(database.Settings("node-b", batchSize: 50), Ct);
        await LedgerSeed.PostAsync(first.Client, 300, Ct);

        using var queued = await first.Client.PostAsync(new Uri("/api/read-models/rebuilds", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        var readModels = (await second.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/read-models", UriKind.Relative), Ct)).EnumerateArray()
            .Select(r => r.GetProperty("name").GetString()!).ToList();
        foreach (var name in readModels)
        {
            await Eventually.Async(() => GenerationStateAsync(second.Client, name), s => s == "Live", seconds: 120);
        }

        // Both nodes run their two Hangfire servers (short and long-running jobs) on the one storage.
        Assert.Equal(4, await database.ScalarAsync("SELECT COUNT(*) FROM hangfire.server", Ct));

        // One generation job per read model, each succeeded after one start per attempt.
        var generationJobs = "SELECT p.jobid FROM hangfire.jobparameter p WHERE p.name = 'EventFlowAppJobId' AND p.value LIKE '\"read-model-generation:%@0\"'";
        Assert.Equal(readModels.Count, await database.ScalarAsync($"SELECT COUNT(*) FROM ({generationJobs}) j", Ct));
        Assert.Equal(readModels.Count, await database.ScalarAsync(
            $"SELECT COUNT(*) FROM hangfire.job WHERE statename = 'Succeeded' AND id IN ({generationJobs})", Ct));
        // Each start of a job is its first or follows a failure Hangfire retried (a lease lost under load, say):
        // never two starts of one attempt, which is what a job running on both nodes would look like.
        var twice = await database.TextAsync(
            "SELECT string_agg(s.jobid || ' ' || s.name || ' ' || COALESCE(s.reason, '') || ' ' || COALESCE(s.data::text, ''), ' | ' ORDER BY s.id) FROM hangfire.state s " +
            "WHERE s.jobid IN (SELECT jobid FROM hangfire.state GROUP BY jobid " +
            "HAVING COUNT(*) FILTER (WHERE name = 'Processing') > 1 + COUNT(*) FILTER (WHERE name = 'Scheduled' AND reason LIKE 'Retry attempt%'))", Ct);
        Assert.True(twice.Length == 0, "Jobs started twice in one attempt: " + twice);
        Assert.Equal(readModels.Count, await database.ScalarAsync(
            $"SELECT COUNT(*) FROM hangfire.state WHERE name = 'Processing' AND jobid IN ({generationJobs})", Ct)
            - await database.ScalarAsync($"SELECT COUNT(*) FROM hangfire.state WHERE name = 'Scheduled' AND reason LIKE 'Retry attempt%' AND jobid IN ({generationJobs})", Ct));
    }

    private static async Task<string?> GenerationStateAsync(HttpClient client, string readModel)
    {
        using var response = await client.GetAsync(new Uri($"/api/read-models/{readModel}/generations/2", UriKind.Relative), Ct);
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("state").GetString() : null;
    }
}

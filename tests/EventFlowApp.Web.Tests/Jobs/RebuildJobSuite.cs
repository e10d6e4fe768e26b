using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Web.Tests.Processes;
using EventFlowApp.Kernel.Jobs;
using EventFlowApp.Kernel.ReadModels.Jobs;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Web.Tests.Jobs;

/// <summary>
/// Rebuilds as Hangfire jobs through the real host: started by the API, progress and result on the job,
/// cancelled with the live generation untouched. Run on SQLite and on PostgreSQL storage.
/// </summary>
public abstract class RebuildJobSuite
{
    private const string Lines = "ledger_lines";
    private const int Entries = 600;

    protected abstract string Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rebuild_started_by_the_api_runs_as_a_job_to_live_with_progress_and_result()
    {
        await using var host = await JobHost.StartAsync(Provider);
        await LedgerSeed.PostAsync(host.Client, Entries, Ct);
        await host.CaughtUpAsync();

        var started = await StartRebuildAsync(host);

        await host.WaitForGenerationAsync(Lines, started.Generation, GenerationState.Live);
        await host.WaitForJobStateAsync(started.JobId, SucceededState.StateName);
        Assert.Equal(GenerationState.Retired, (await host.GenerationAsync(Lines, 1))!.State);
        var result = host.Details(started.JobId).History.First(h => h.StateName == SucceededState.StateName).Data["Result"];
        Assert.Contains($"Generation {started.Generation} of '{Lines}' is Live", result, StringComparison.Ordinal);
        var progress = host.Progress(started.JobId);
        Assert.NotNull(progress);
        Assert.Matches(@"^([\d,]+) / \1 events \(100\.0%\)", progress);

        // The retired generation is dropped by a job; the live one cannot be.
        using var live = await host.Client.DeleteAsync(new Uri($"/api/read-models/{Lines}/generations/{started.Generation}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Conflict, live.StatusCode);
        using var retired = await host.Client.DeleteAsync(new Uri($"/api/read-models/{Lines}/generations/1", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Accepted, retired.StatusCode);
        var dropJob = (await retired.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("jobId").GetString()!;
        await host.WaitForJobStateAsync(dropJob, SucceededState.StateName);
        Assert.Null(await host.GenerationAsync(Lines, 1));
    }

    [Fact]
    public async Task A_cancelled_rebuild_job_ends_its_generation_cancelled_and_leaves_the_live_one_whole()
    {
        // Batches of one over ~3,000 events: the rebuild lasts seconds, long enough to be cancelled midway.
        await using var host = await JobHost.StartAsync(Provider, new Dictionary<string, string> { ["Processors:BatchSize"] = "1" });
        var ledger = await LedgerSeed.PostAsync(host.Client, 1500, Ct);
        await host.CaughtUpAsync();
        var before = await StatementAsync(host, ledger);

        var started = await StartRebuildAsync(host);
        await Eventually.Async(() => Task.FromResult(host.Progress(started.JobId)), p => p is not null && !p.Contains("100.0%", StringComparison.Ordinal));

        // The dashboard's Delete button and this endpoint do the same: the job leaves Processing, Hangfire cancels its token.
        using var cancelled = await host.Client.DeleteAsync(new Uri($"/api/jobs/{started.JobId}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);

        var ended = await host.WaitForGenerationAsync(Lines, started.Generation, GenerationState.Cancelled, seconds: 30);
        Assert.Contains("live generation was not touched", ended!.Error, StringComparison.Ordinal);
        Assert.Equal(DeletedState.StateName, host.State(started.JobId));
        Assert.Equal(GenerationState.Live, (await host.GenerationAsync(Lines, 1))!.State);
        Assert.Equal(before, await StatementAsync(host, ledger));

        using var again = await host.Client.DeleteAsync(new Uri($"/api/jobs/{started.JobId}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task A_second_rebuild_of_a_read_model_being_rebuilt_is_refused()
    {
        await using var host = await JobHost.StartAsync(Provider, new Dictionary<string, string> { ["Processors:BatchSize"] = "2" });
        await LedgerSeed.PostAsync(host.Client, Entries, Ct);
        await host.CaughtUpAsync();
        var first = await StartRebuildAsync(host);

        using var second = await host.Client.PostAsync(new Uri($"/api/read-models/{Lines}/rebuilds", UriKind.Relative), null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("already being rebuilt", await second.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(GenerationState.Building, (await host.GenerationAsync(Lines, first.Generation))!.State);
    }

    [Fact]
    public async Task Rebuilding_every_read_model_queues_one_job_per_read_model_and_all_go_live()
    {
        await using var host = await JobHost.StartAsync(Provider);
        await LedgerSeed.PostAsync(host.Client, 50, Ct);
        await host.CaughtUpAsync();

        using var response = await host.Client.PostAsync(new Uri("/api/read-models/rebuilds", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("jobId").GetString()!;
        await host.WaitForJobStateAsync(jobId, SucceededState.StateName);

        var readModels = (await host.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/read-models", UriKind.Relative), Ct)).EnumerateArray().ToList();
        Assert.True(readModels.Count >= 7);
        foreach (var readModel in readModels)
        {
            var name = readModel.GetProperty("name").GetString()!;
            await host.WaitForGenerationAsync(name, 2, GenerationState.Live);
        }

        var result = host.Details(jobId).History.First(h => h.StateName == SucceededState.StateName).Data["Result"];
        Assert.Equal(readModels.Count, System.Text.RegularExpressions.Regex.Count(result, "queued as job read-model-generation:"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_rebuild_job_deleted_before_it_ran_ends_its_generation_cancelled(bool throughTheScheduler)
    {
        await using var host = await JobHost.StartAsync(Provider);
        await LedgerSeed.PostAsync(host.Client, 20, Ct);
        await host.CaughtUpAsync();
        var building = await host.Services.GetRequiredService<IReadModelPopulator>().StartRebuildAsync(Lines, Ct);
        var jobId = await host.Services.GetRequiredService<IJobScheduler>()
            .ScheduleAsync(new RunGenerationJob(Lines, building.Generation), TimeSpan.FromHours(1), "later", Ct);

        if (throughTheScheduler)
        {
            Assert.True(await host.Services.GetRequiredService<IJobScheduler>().CancelAsync(jobId, Ct));
        }
        else
        {
            // What the dashboard's Delete button does.
            Assert.True(host.Services.GetRequiredService<IBackgroundJobClient>().Delete(host.HangfireId(jobId)));
        }

        Assert.Equal(DeletedState.StateName, host.State(jobId));
        Assert.Equal(GenerationState.Cancelled, (await host.GenerationAsync(Lines, building.Generation))!.State);
        Assert.Equal(GenerationState.Live, (await host.GenerationAsync(Lines, 1))!.State);
    }

    [Fact]
    public async Task Rebuilding_an_unknown_read_model_is_refused_before_anything_is_queued()
    {
        await using var host = await JobHost.StartAsync(Provider);

        using var response = await host.Client.PostAsJsonAsync("/api/read-models/rebuilds", new { readModels = new[] { Lines, "no_such_model" } }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await host.GenerationAsync(Lines, 2));
    }

    private static async Task<(int Generation, string JobId)> StartRebuildAsync(JobHost host)
    {
        using var response = await host.Client.PostAsync(new Uri($"/api/read-models/{Lines}/rebuilds", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (body.GetProperty("generation").GetInt32(), body.GetProperty("jobId").GetString()!);
    }

    /// <summary>The account statement read from the live generation of ledger_lines, as text: equal text, equal rows.</summary>
    private static async Task<string> StatementAsync(JobHost host, string ledger)
    {
        var statement = await host.Client.GetStringAsync(
            new Uri($"/api/ledgers/{ledger}/reports/account-statement?account=1000&from=2026-01-01&to=2026-12-31", UriKind.Relative), Ct);
        Assert.Contains("sale 1", statement, StringComparison.Ordinal);
        return statement;
    }
}

public sealed class SqliteRebuildJobTests : RebuildJobSuite
{
    protected override string Provider => "Sqlite";
}

public sealed class PostgreSqlRebuildJobTests : RebuildJobSuite
{
    protected override string Provider => "PostgreSql";
}

using System.Net.Http.Json;
using System.Text.Json;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Processors.Jobs;
using EventFlowApp.Web.Tests.Processes;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Web.Tests.Jobs;

/// <summary>
/// The recurring processor-health job in the real host: an event no processor can read (written by hand,
/// as a bad deployment might) stops the read-model processors, and the job, triggered as from the
/// dashboard, fails at once with each processor and the reason, in Hangfire's failed list.
/// </summary>
public abstract class HealthJobSuite
{
    protected abstract string Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stopped_processor_fails_the_health_job_with_the_reason()
    {
        await using var host = await JobHost.StartAsync(Provider);
        await LedgerSeed.PostAsync(host.Client, 3, Ct);
        await host.CaughtUpAsync();
        var storage = host.Services.GetRequiredService<JobStorage>();
        var healthy = new RecurringJobManager(storage).TriggerJob("processor-health");
        await Eventually.Async(() => Task.FromResult(State(storage, healthy)), s => s == SucceededState.StateName);

        var broken = new SerializedEvent(Guid.NewGuid(), "Mystery", "mystery-1", 1, "no-such-event", 1, "{}", "{}", DateTime.UtcNow);
        await host.Services.GetRequiredService<IEventPersistence>()
            .CommitAsync(new CommitBatch([new StreamAppend("Mystery", "mystery-1", 0, [broken])], null), Ct);
        await Eventually.Async(
            async () => (await host.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/processors", UriKind.Relative), Ct)).EnumerateArray()
                .Count(p => p.GetProperty("state").GetString() == "Stopped"),
            stopped => stopped > 0);

        var sick = new RecurringJobManager(storage).TriggerJob("processor-health");

        await Eventually.Async(() => Task.FromResult(State(storage, sick)), s => s == FailedState.StateName);
        var failed = storage.GetMonitoringApi().FailedJobs(0, 10).Single(f => f.Key == sick).Value;
        Assert.Equal(typeof(ProcessorHealthException).FullName, failed.ExceptionType);
        Assert.Matches(@"[\w:-]+ is stopped at position [\d,]+ on no-such-event v1: ", failed.ExceptionMessage);
    }

    private static string? State(JobStorage storage, string hangfireId)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(hangfireId)?.Name;
    }
}

public sealed class SqliteHealthJobTests : HealthJobSuite
{
    protected override string Provider => "Sqlite";
}

public sealed class PostgreSqlHealthJobTests : HealthJobSuite
{
    protected override string Provider => "PostgreSql";
}

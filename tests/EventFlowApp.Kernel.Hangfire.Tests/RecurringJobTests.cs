using EventFlowApp.Kernel.Hangfire.Scheduling;
using EventFlowApp.Kernel.Hangfire.Tests.Support;
using Hangfire.States;
using Hangfire.Storage;

namespace EventFlowApp.Kernel.Hangfire.Tests;

/// <summary>Recurring jobs follow the configuration; the id map lives as long as its job (SQLite storage).</summary>
public sealed class RecurringJobTests : IAsyncLifetime
{
    private readonly JobLog _log = new();
    private readonly SqliteHangfireTarget _target = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _target.DisposeAsync();

    [Fact]
    public async Task Configured_recurring_jobs_are_added_and_ones_no_longer_configured_removed()
    {
        await using (var first = await HangfireHost.StartAsync(_target, _log, tune: o =>
        {
            o.RecurringJobs.Add(new RecurringJob("notes:hourly", "0 * * * *", new NoteDown("hourly")));
            o.RecurringJobs.Add(new RecurringJob("notes:daily", "0 3 * * *", new NoteDown("daily")));
        }))
        {
            Assert.Equal(["notes:daily", "notes:hourly"], RecurringIds(first));
        }

        await using var second = await HangfireHost.StartAsync(_target, _log, tune: o =>
            o.RecurringJobs.Add(new RecurringJob("notes:daily", "0 4 * * *", new NoteDown("daily"))));

        Assert.Equal(["notes:daily"], RecurringIds(second));
        using var connection = second.Storage.GetConnection();
        Assert.Equal("0 4 * * *", connection.GetRecurringJobs().Single().Cron);
    }

    [Fact]
    public async Task A_triggered_recurring_job_runs_its_job()
    {
        await using var host = await HangfireHost.StartAsync(_target, _log, tune: o =>
            o.RecurringJobs.Add(new RecurringJob("notes:never", "0 0 31 2 *", new NoteDown("by hand"))));

        var hangfireId = new global::Hangfire.RecurringJobManager(host.Storage).TriggerJob("notes:never");

        await HangfireHost.WaitUntilAsync(() => !_log.Runs.IsEmpty);
        Assert.Equal(["by hand"], _log.Runs.Select(r => r.Text));
        Assert.NotNull(hangfireId);
    }

    [Fact]
    public async Task The_id_map_entry_expires_with_its_finished_job()
    {
        await using var host = await HangfireHost.StartAsync(_target, _log);
        var id = await host.Scheduler.EnqueueAsync(new NoteDown("x"), "expiring", Ct);

        await host.WaitForStateAsync(id, SucceededState.StateName);

        using var connection = (JobStorageConnection)host.Storage.GetConnection();
        await HangfireHost.WaitUntilAsync(() => connection.GetHashTtl(JobIdMap.HashKey(id)) > TimeSpan.Zero);
        Assert.True(connection.GetHashTtl(JobIdMap.HashKey(id)) <= TimeSpan.FromDays(1));
    }

    private static List<string> RecurringIds(HangfireHost host)
    {
        using var connection = host.Storage.GetConnection();
        return connection.GetRecurringJobs().Select(j => j.Id).Order(StringComparer.Ordinal).ToList();
    }
}

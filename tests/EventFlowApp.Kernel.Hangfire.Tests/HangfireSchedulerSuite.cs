using EventFlowApp.Kernel.Hangfire.Tests.Support;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Hangfire.Tests;

/// <summary>The kernel's job contract on a real Hangfire server; run on every Hangfire storage we ship.</summary>
public abstract class HangfireSchedulerSuite : IAsyncLifetime
{
    private readonly JobLog _log = new();
    private HangfireTarget _target = null!;
    private HangfireHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract HangfireTarget CreateTarget();

    public async ValueTask InitializeAsync()
    {
        _target = CreateTarget();
        _host = await HangfireHost.StartAsync(_target, _log);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _target.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task An_enqueued_job_runs_once_and_leaves_its_result()
    {
        var id = await _host.Scheduler.EnqueueAsync(new NoteDown("now"), "note-now", Ct);

        await _host.WaitForStateAsync(id, SucceededState.StateName);

        Assert.Equal(["now"], _log.Runs.Select(r => r.Text));
        var succeeded = _host.Details(id).History.First(h => h.StateName == SucceededState.StateName);
        Assert.Contains("noted now", succeeded.Data["Result"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_scheduled_two_seconds_ahead_runs_no_earlier()
    {
        var asked = DateTimeOffset.UtcNow;
        var id = await _host.Scheduler.ScheduleAsync(new NoteDown("later"), TimeSpan.FromSeconds(2), "note-later", Ct);

        // Hangfire may already have queued it (it rounds due times down to the second); it must not have run.
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.NotEqual(SucceededState.StateName, _host.State(id));
        Assert.Empty(_log.Runs);

        await _host.WaitForStateAsync(id, SucceededState.StateName);
        var run = Assert.Single(_log.Runs);
        Assert.True(run.At >= asked.AddSeconds(2), $"Ran at {run.At:O}, asked at {asked:O}: earlier than two seconds.");
    }

    [Fact]
    public async Task A_job_due_late_in_a_second_does_not_start_at_the_beginning_of_that_second()
    {
        // Hangfire stores due times in whole seconds: without the runner's wait this job would start ~0.9 s early.
        var now = DateTimeOffset.UtcNow;
        var due = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(2.9);
        var id = await _host.Scheduler.ScheduleAsync(new NoteDown("due"), due, "due-late-in-second", Ct);

        await _host.WaitForStateAsync(id, SucceededState.StateName);

        var run = Assert.Single(_log.Runs);
        Assert.True(run.At >= due, $"Ran at {run.At:O}, due at {due:O}.");
    }

    [Fact]
    public async Task Scheduling_a_known_job_id_again_creates_nothing()
    {
        var first = await _host.Scheduler.ScheduleAsync(new NoteDown("once"), TimeSpan.FromMilliseconds(300), "same-id", Ct);
        var hangfireId = _host.HangfireId(first);
        var second = await _host.Scheduler.ScheduleAsync(new NoteDown("twice"), TimeSpan.FromMilliseconds(300), "same-id", Ct);

        Assert.Equal(first, second);
        Assert.Equal(hangfireId, _host.HangfireId(second));
        await _host.WaitForStateAsync(first, SucceededState.StateName);
        await Task.Delay(500, Ct);
        Assert.Equal(["once"], _log.Runs.Select(r => r.Text));
    }

    [Fact]
    public async Task A_cancelled_waiting_job_never_runs()
    {
        var id = await _host.Scheduler.ScheduleAsync(new NoteDown("never"), TimeSpan.FromSeconds(1), "cancel-me", Ct);

        Assert.True(await _host.Scheduler.CancelAsync(id, Ct));
        Assert.False(await _host.Scheduler.CancelAsync(id, Ct));
        Assert.False(await _host.Scheduler.CancelAsync("no-such-job", Ct));

        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        Assert.Equal(DeletedState.StateName, _host.State(id));
        Assert.Empty(_log.Runs);
    }

    [Fact]
    public async Task Cancelling_a_running_job_cancels_its_token_as_an_operator_cancel()
    {
        var id = await _host.Scheduler.EnqueueAsync(new WaitForCancellation(5, 10), "wait-then-cancel", Ct);
        await _log.Started.Task.WaitAsync(HangfireHost.Patience, Ct);

        Assert.True(await _host.Scheduler.CancelAsync(id, Ct));

        await HangfireHost.WaitUntilAsync(() => !_log.Cancellations.IsEmpty);
        Assert.Equal([true], _log.Cancellations);
        Assert.Equal(DeletedState.StateName, _host.State(id));
    }

    [Fact]
    public async Task A_running_job_keeps_its_progress_on_the_job()
    {
        var id = await _host.Scheduler.EnqueueAsync(new WaitForCancellation(5, 10), "progress", Ct);
        await _log.Started.Task.WaitAsync(HangfireHost.Patience, Ct);

        Assert.Equal(ProcessingState.StateName, _host.State(id));
        Assert.Equal("5 / 10 events (50.0%), 12/s, about 40 s left", _host.Parameter(id, "Progress"));
        await _host.Scheduler.CancelAsync(id, Ct);
    }

    [Fact]
    public async Task A_failing_job_is_retried_then_listed_as_failed_with_its_exception()
    {
        var id = await _host.Scheduler.EnqueueAsync(new AlwaysFail("the bank is closed"), "fail", Ct);

        // The run and one retry (RetryAttempts = 1). Waiting for the second attempt first: SQLite storage may
        // report the Failed state a retry passes through as the current one for a moment.
        await HangfireHost.WaitUntilAsync(() => _log.Attempts == 2);
        await _host.WaitForStateAsync(id, FailedState.StateName);
        Assert.Contains(_host.Details(id).History, h => h.StateName == ScheduledState.StateName && h.Reason == "Retry attempt 1 of 1: the bank is closed");
        await Task.Delay(1500, Ct);
        Assert.Equal(2, _log.Attempts);
        var failed = _host.Storage.GetMonitoringApi().FailedJobs(0, 10).Single(f => f.Key == _host.HangfireId(id)).Value;
        Assert.Equal(typeof(InvalidOperationException).FullName, failed.ExceptionType);
        Assert.Equal("the bank is closed", failed.ExceptionMessage);
    }

    [Fact]
    public async Task A_job_that_cannot_succeed_fails_without_retries()
    {
        var id = await _host.Scheduler.EnqueueAsync(new Hopeless("generation 3 was dropped"), "hopeless", Ct);

        await _host.WaitForStateAsync(id, FailedState.StateName);
        await Task.Delay(1500, Ct);

        Assert.Equal(1, _log.Attempts);
        Assert.Equal(FailedState.StateName, _host.State(id));
    }

    [Fact]
    public async Task A_job_type_with_no_retries_fails_at_once()
    {
        var id = await _host.Scheduler.EnqueueAsync(new FailingCheck("processor x is stopped"), "check", Ct);

        await _host.WaitForStateAsync(id, FailedState.StateName);
        await Task.Delay(1500, Ct);

        Assert.Equal(1, _log.Attempts);
    }

    [Fact]
    public async Task A_job_stopped_by_a_shutdown_is_not_an_operator_cancel_and_runs_again_on_the_next_server()
    {
        var id = await _host.Scheduler.EnqueueAsync(new WaitForCancellation(1, 2), "survives-shutdown", Ct);
        await _log.Started.Task.WaitAsync(HangfireHost.Patience, Ct);

        await _host.StopAsync();
        Assert.Equal([false], _log.Cancellations);

        await using var next = await HangfireHost.StartAsync(_target, _log, "node-b");
        await HangfireHost.WaitUntilAsync(() => _log.Attempts == 2);
        Assert.Equal(ProcessingState.StateName, next.State(id));
        await next.Scheduler.CancelAsync(id, Ct);
    }

    [Fact]
    public async Task Two_servers_on_one_storage_share_the_queue_and_run_each_job_once()
    {
        await using var second = await HangfireHost.StartAsync(_target, _log, "node-b");
        var ids = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var scheduler = i % 2 == 0 ? _host.Scheduler : second.Scheduler;
            ids.Add(await scheduler.EnqueueAsync(new NoteDown($"n{i}"), $"shared-{i}", Ct));
        }

        foreach (var id in ids)
        {
            await _host.WaitForStateAsync(id, SucceededState.StateName);
        }

        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"n{i}").Order(), _log.Runs.Select(r => r.Text).Order());
    }

    [Fact]
    public async Task A_job_deleted_before_it_ran_is_undone_and_a_failing_undo_keeps_it_waiting()
    {
        var id = await _host.Scheduler.ScheduleAsync(new Undoable("draft"), TimeSpan.FromHours(1), "undoable", Ct);
        _log.RefuseUndo = true;

        // As the dashboard's Delete button does it: a state change to Deleted.
        var client = _host.Services.GetRequiredService<IBackgroundJobClient>();
        var error = Assert.ThrowsAny<Exception>(() => client.Delete(_host.HangfireId(id)));
        Assert.Contains("cannot undo draft", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(ScheduledState.StateName, _host.State(id));
        await Assert.ThrowsAnyAsync<Exception>(() => _host.Scheduler.CancelAsync(id, Ct));
        Assert.Equal(ScheduledState.StateName, _host.State(id));

        _log.RefuseUndo = false;
        Assert.True(await _host.Scheduler.CancelAsync(id, Ct));
        Assert.Equal(DeletedState.StateName, _host.State(id));
        Assert.Equal(["draft"], _log.Undone);
        Assert.Empty(_log.Runs);
    }

    [Fact]
    public async Task Long_running_jobs_have_workers_of_their_own_and_never_hold_up_short_ones()
    {
        var first = await _host.Scheduler.EnqueueAsync(new LongWait("first"), "long-1", Ct);
        var second = await _host.Scheduler.EnqueueAsync(new LongWait("second"), "long-2", Ct);
        await HangfireHost.WaitUntilAsync(() => _log.Runs.Count == 1);

        // One long-running worker (the test's setting): the second waits; short jobs go past it.
        var shorts = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            shorts.Add(await _host.Scheduler.EnqueueAsync(new NoteDown($"short-{i}"), $"short-{i}", Ct));
        }

        foreach (var id in shorts)
        {
            await _host.WaitForStateAsync(id, SucceededState.StateName);
        }

        Assert.Equal(EnqueuedState.StateName, _host.State(second));
        using (var connection = _host.Storage.GetConnection())
        {
            Assert.Equal("long-running", connection.GetJobData(_host.HangfireId(first)).Job.Queue);
            Assert.Equal("default", connection.GetJobData(_host.HangfireId(shorts[0])).Job.Queue);
        }

        await _host.Scheduler.CancelAsync(first, Ct);
        await _host.WaitForStateAsync(second, ProcessingState.StateName);
        await _host.Scheduler.CancelAsync(second, Ct);
    }
}

public sealed class SqliteHangfireSchedulerTests : HangfireSchedulerSuite
{
    protected override HangfireTarget CreateTarget() => new SqliteHangfireTarget();
}

public sealed class PostgreSqlHangfireSchedulerTests : HangfireSchedulerSuite
{
    protected override HangfireTarget CreateTarget() => new PostgreSqlHangfireTarget();
}

public sealed class SqlServerHangfireSchedulerTests : HangfireSchedulerSuite
{
    protected override HangfireTarget CreateTarget() => new SqlServerHangfireTarget();
}

using EventFlowApp.Kernel.Jobs;
using EventFlowApp.Kernel.Jobs.InMemory;
using EventFlowApp.Kernel.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Tests.Jobs;

public sealed class InMemoryJobSchedulerTests : IDisposable
{
    private readonly JobLog _log = new();
    private readonly KernelHost _host;

    public InMemoryJobSchedulerTests()
    {
        _host = KernelHost.Create(
            o => o.AddJobHandler<NoteDownHandler>().AddJobHandler<AlwaysFailHandler>().AddJobHandler<WaitForCancellationHandler>(),
            s => s.AddSingleton(_log));
    }

    private IJobScheduler Scheduler => _host.Get<IJobScheduler>();

    private InMemoryJobScheduler Jobs => _host.Get<InMemoryJobScheduler>();

    private static CancellationToken Ct => KernelHost.Ct;

    public void Dispose() => _host.Dispose();

    private async Task AdvanceAsync(TimeSpan by)
    {
        _host.Clock.Advance(by);
        await Jobs.WhenIdleAsync(Ct);
    }

    [Fact]
    public async Task An_enqueued_job_runs_at_once()
    {
        var id = await Scheduler.EnqueueAsync(new NoteDown("now"), null, Ct);
        await Jobs.WhenIdleAsync(Ct);

        Assert.Equal(["now"], _log.Runs);
        Assert.Equal(JobStatus.Succeeded, Jobs.GetJob(id)!.Status);
    }

    [Fact]
    public async Task A_job_scheduled_at_a_time_does_not_run_a_tick_before_it()
    {
        var id = await Scheduler.ScheduleAsync(new NoteDown("at nine"), KernelHost.Start.AddHours(1), null, Ct);

        await AdvanceAsync(TimeSpan.FromHours(1) - TimeSpan.FromTicks(1));
        Assert.Empty(_log.Runs);
        Assert.Equal(JobStatus.Scheduled, Jobs.GetJob(id)!.Status);

        await AdvanceAsync(TimeSpan.FromTicks(1));
        Assert.Equal(["at nine"], _log.Runs);
    }

    [Fact]
    public async Task A_job_after_a_delay_waits_for_the_delay()
    {
        await Scheduler.ScheduleAsync(new NoteDown("later"), TimeSpan.FromMinutes(10), null, Ct);

        await AdvanceAsync(TimeSpan.FromMinutes(9));
        Assert.Empty(_log.Runs);
        await AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(["later"], _log.Runs);
    }

    [Fact]
    public async Task A_job_due_in_two_months_waits_longer_than_one_timer_can()
    {
        await Scheduler.ScheduleAsync(new NoteDown("two months"), TimeSpan.FromDays(60), null, Ct);

        for (var day = 1; day < 60; day++)
        {
            await AdvanceAsync(TimeSpan.FromDays(1));
        }

        Assert.Empty(_log.Runs);
        await AdvanceAsync(TimeSpan.FromDays(1));
        Assert.Equal(["two months"], _log.Runs);
    }

    [Fact]
    public async Task A_cancelled_job_never_runs()
    {
        var id = await Scheduler.ScheduleAsync(new NoteDown("never"), TimeSpan.FromMinutes(5), null, Ct);

        Assert.True(await Scheduler.CancelAsync(id, Ct));
        await AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Empty(_log.Runs);
        Assert.Equal(JobStatus.Cancelled, Jobs.GetJob(id)!.Status);
        Assert.False(await Scheduler.CancelAsync(id, Ct));
    }

    [Fact]
    public async Task Cancelling_a_running_job_cancels_its_token()
    {
        var id = await Scheduler.EnqueueAsync(new WaitForCancellation(), null, Ct);
        await _log.Started.Task.WaitAsync(Ct);

        Assert.True(await Scheduler.CancelAsync(id, Ct));
        await Jobs.WhenIdleAsync(Ct);

        Assert.True(await _log.SawCancellation.Task.WaitAsync(Ct));
        Assert.Equal(JobStatus.Cancelled, Jobs.GetJob(id)!.Status);
    }

    [Fact]
    public async Task A_failing_job_is_retried_later_and_then_recorded_as_failed_with_its_exception()
    {
        var id = await Scheduler.EnqueueAsync(new AlwaysFail("the printer is on fire"), null, Ct);
        await Jobs.WhenIdleAsync(Ct);

        var first = Jobs.GetJob(id)!;
        Assert.Equal((JobStatus.Scheduled, 1), (first.Status, first.Attempts));
        Assert.Equal("the printer is on fire", first.LastError!.Message);

        await AdvanceAsync(TimeSpan.FromSeconds(30));
        await AdvanceAsync(TimeSpan.FromSeconds(60));

        var last = Jobs.GetJob(id)!;
        Assert.Equal((JobStatus.Failed, 3), (last.Status, last.Attempts));
        Assert.IsType<InvalidOperationException>(last.LastError);
        Assert.Equal(3, _log.Runs.Count);
        await AdvanceAsync(TimeSpan.FromDays(1));
        Assert.Equal(3, _log.Runs.Count);
    }

    [Fact]
    public async Task A_job_id_is_queued_once_however_often_it_is_scheduled()
    {
        await Scheduler.ScheduleAsync(new NoteDown("once"), TimeSpan.FromMinutes(1), "job-a", Ct);
        await Scheduler.ScheduleAsync(new NoteDown("once"), TimeSpan.FromMinutes(1), "job-a", Ct);
        await AdvanceAsync(TimeSpan.FromMinutes(1));
        await Scheduler.EnqueueAsync(new NoteDown("once"), "job-a", Ct);
        await Jobs.WhenIdleAsync(Ct);

        Assert.Equal(["once"], _log.Runs);
    }

    [Fact]
    public async Task A_job_is_queued_under_its_stable_name_not_its_class_name()
    {
        var id = await Scheduler.ScheduleAsync(new NoteDown("x"), TimeSpan.FromMinutes(1), null, Ct);

        var request = Jobs.GetJob(id)!.Request;
        Assert.Equal(("test-note", 1), (request.Name, request.Version));
        await _host.Get<JobExecutor>().ExecuteAsync(new JobRequest("by-hand", "test-note", 1, """{"text":"from the queue"}"""), new DetachedJobRun("by-hand"), Ct);
        Assert.Equal(["from the queue"], _log.Runs);
    }

    [Fact]
    public async Task A_job_whose_name_is_unknown_fails_clearly()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _host.Get<JobExecutor>().ExecuteAsync(new JobRequest("old", "test-renamed-away", 1, "{}"), new DetachedJobRun("old"), Ct));

        Assert.Contains("test-renamed-away", error.Message, StringComparison.Ordinal);
    }
}

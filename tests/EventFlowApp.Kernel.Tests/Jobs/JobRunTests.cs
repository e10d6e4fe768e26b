using System.Globalization;
using EventFlowApp.Kernel.Jobs;
using EventFlowApp.Kernel.Jobs.InMemory;
using EventFlowApp.Kernel.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Tests.Jobs;

/// <summary>What a running job tells the in-memory scheduler (progress, result, operator cancel vs shutdown) and how often it is tried.</summary>
public sealed class JobRunTests : IDisposable
{
    private readonly JobLog _log = new();
    private readonly KernelHost _host;

    public JobRunTests()
    {
        _host = KernelHost.Create(
            o => o.AddJobHandler<LeaveResultHandler>().AddJobHandler<FailWithOneRetryHandler>().AddJobHandler<HopelessHandler>()
                .AddJobHandler<WaitForCancellationHandler>(),
            s => s.AddSingleton(_log).AddSingleton(new InMemoryJobSchedulerOptions { MaxAttempts = 5 }));
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
    public async Task A_finished_job_keeps_the_result_and_the_last_progress_it_left()
    {
        await Scheduler.EnqueueAsync(new LeaveResult("printed 4 pages"), "job-print", Ct);
        await Jobs.WhenIdleAsync(Ct);

        var job = Jobs.GetJob("job-print")!;
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal("printed 4 pages (run job-print)", job.Result);
        Assert.Equal(new JobProgress(3, 4, null, null, "pages"), job.Progress);
    }

    [Fact]
    public async Task The_executor_returns_the_result_and_a_detached_run_keeps_the_progress()
    {
        var executor = _host.Get<JobExecutor>();
        var run = new DetachedJobRun("by-hand");

        var result = await executor.ExecuteAsync(executor.Describe(new LeaveResult("by hand"), "by-hand"), run, Ct);

        Assert.Equal("by hand (run by-hand)", result);
        Assert.Equal((3L, 4L), (run.LastProgress!.Done, run.LastProgress.Total!.Value));
        Assert.False(run.IsCancelledByOperator());
    }

    [Fact]
    public async Task A_job_type_with_its_own_retry_count_overrides_the_scheduler_default()
    {
        var id = await Scheduler.EnqueueAsync(new FailWithOneRetry("out of paper"), null, Ct);
        await Jobs.WhenIdleAsync(Ct);
        Assert.Equal((JobStatus.Scheduled, 1), (Jobs.GetJob(id)!.Status, Jobs.GetJob(id)!.Attempts));

        await AdvanceAsync(TimeSpan.FromSeconds(30));

        var job = Jobs.GetJob(id)!;
        Assert.Equal((JobStatus.Failed, 2), (job.Status, job.Attempts));
        Assert.Equal("out of paper", job.LastError!.Message);
        await AdvanceAsync(TimeSpan.FromDays(1));
        Assert.Equal(2, _log.Runs.Count);
    }

    [Fact]
    public async Task A_job_that_cannot_succeed_fails_at_once_without_retries()
    {
        var id = await Scheduler.EnqueueAsync(new Hopeless("generation 7 was dropped"), null, Ct);
        await Jobs.WhenIdleAsync(Ct);

        var job = Jobs.GetJob(id)!;
        Assert.Equal((JobStatus.Failed, 1), (job.Status, job.Attempts));
        Assert.Equal("generation 7 was dropped", Assert.IsType<JobCannotSucceedException>(job.LastError).Message);
        await AdvanceAsync(TimeSpan.FromDays(1));
        Assert.Equal(["hopeless"], _log.Runs);
    }

    [Fact]
    public async Task A_job_cancelled_through_the_scheduler_learns_that_an_operator_cancelled_it()
    {
        var id = await Scheduler.EnqueueAsync(new WaitForCancellation(), null, Ct);
        await _log.Started.Task.WaitAsync(Ct);

        await Scheduler.CancelAsync(id, Ct);
        await Jobs.WhenIdleAsync(Ct);

        Assert.True(await _log.CancelledByOperator.Task.WaitAsync(Ct));
        Assert.Equal(JobStatus.Cancelled, Jobs.GetJob(id)!.Status);
    }

    [Fact]
    public async Task A_job_stopped_by_the_scheduler_shutting_down_learns_that_nobody_cancelled_it_on_purpose()
    {
        var id = await Scheduler.EnqueueAsync(new WaitForCancellation(), null, Ct);
        await _log.Started.Task.WaitAsync(Ct);

        Jobs.Dispose();
        await Jobs.WhenIdleAsync(Ct);

        Assert.False(await _log.CancelledByOperator.Task.WaitAsync(Ct));
        Assert.Equal(JobStatus.Cancelled, Jobs.GetJob(id)!.Status);
    }

    [Fact]
    public void Progress_reads_as_done_of_total_with_percentage_rate_and_time_left()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            Assert.Equal(
                "1,500 / 6,000 events (25.0%), 250/s, about 19 s left",
                new JobProgress(1500, 6000, 250.4, TimeSpan.FromSeconds(18.2), "events").ToString());
            Assert.Equal("42 items", new JobProgress(42, null, null, null).ToString());
            Assert.Equal("0 / 0 rows", new JobProgress(0, 0, null, null, "rows").ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void A_job_context_outside_a_job_has_no_run_and_retries_cannot_be_negative()
    {
        Assert.Throws<InvalidOperationException>(() => new JobContext().Run);
        Assert.Throws<ArgumentOutOfRangeException>(() => new JobRetriesAttribute(-1));
        Assert.Equal(0, new JobRetriesAttribute(0).Attempts);
    }
}

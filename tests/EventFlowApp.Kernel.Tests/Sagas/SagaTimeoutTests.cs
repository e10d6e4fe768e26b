using EventFlowApp.Kernel.Jobs;
using EventFlowApp.Kernel.Jobs.InMemory;
using EventFlowApp.Kernel.Sagas;
using EventFlowApp.Kernel.Tests.Domain;

namespace EventFlowApp.Kernel.Tests.Sagas;

public sealed class SagaTimeoutTests : SagaHost
{
    [Fact]
    public async Task A_timeout_is_delivered_at_its_due_time_and_not_before()
    {
        await Host.CreateAsync(Thing);
        await SettleAsync();

        await AdvanceAsync(TimeSpan.FromMinutes(59));
        Assert.Null((await SagaAsync()).State.Data.ExpiredBecause);

        await AdvanceAsync(TimeSpan.FromMinutes(1));
        var saga = await SagaAsync();
        Assert.Equal("an hour passed", saga.State.Data.ExpiredBecause);
        Assert.Empty(saga.State.Timeouts);
        Assert.Equal("expired", (await Host.LoadAsync(Thing)).State.Name);
    }

    [Fact]
    public async Task A_cancelled_timeout_is_not_delivered()
    {
        await Host.CreateAsync(Thing);
        await SettleAsync();
        var timeoutId = Assert.Single((await SagaAsync()).State.Timeouts.Keys);

        await Host.CountAsync(Thing, times: 3);
        await SettleAsync();
        Assert.Equal(JobStatus.Cancelled, Jobs.GetJob(timeoutId)!.Status);

        await AdvanceAsync(TimeSpan.FromHours(2));
        Assert.Null((await SagaAsync()).State.Data.ExpiredBecause);
        Assert.Equal("counted 3", (await Host.LoadAsync(Thing)).State.Name);
    }

    [Fact]
    public async Task A_cancelled_timeout_whose_job_runs_anyway_does_nothing()
    {
        await Host.CreateAsync(Thing);
        await SettleAsync();
        var timeoutId = Assert.Single((await SagaAsync()).State.Timeouts.Keys);
        await Host.CountAsync(Thing, times: 3);
        await SettleAsync();
        var head = (await Host.AllAsync())[^1].GlobalSequenceNumber;

        var executor = Host.Get<JobExecutor>();
        await executor.ExecuteAsync(executor.Describe(new SagaTimeoutJob("ThingWatch", Saga.Value, timeoutId), "late"), new DetachedJobRun("late"), Ct);

        Assert.Equal(head, (await Host.AllAsync())[^1].GlobalSequenceNumber);
        Assert.Null((await SagaAsync()).State.Data.ExpiredBecause);
    }

    [Fact]
    public async Task A_timeout_job_that_crashed_after_the_saga_stored_it_sends_once_on_retry()
    {
        await Host.CreateAsync(Thing);
        await SettleAsync();
        var timeoutId = Assert.Single((await SagaAsync()).State.Timeouts.Keys);
        Crash.Before = c => c is RenameThing;

        await AdvanceAsync(TimeSpan.FromHours(1));
        var failed = Jobs.GetJob(timeoutId)!;
        Assert.Equal((JobStatus.Scheduled, 1), (failed.Status, failed.Attempts));
        Assert.Contains("crashed before sending", failed.LastError!.Message, StringComparison.Ordinal);
        Assert.Equal("an hour passed", (await SagaAsync()).State.Data.ExpiredBecause);
        Assert.DoesNotContain("ThingRenamed", await ThingEventsAsync());

        await AdvanceAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(JobStatus.Succeeded, Jobs.GetJob(timeoutId)!.Status);
        Assert.Single(await ThingEventsAsync(), "ThingRenamed");
        Assert.Single(await SagaStreamAsync(), e => e.Event.EventName == "WatchExpired");
    }

    [Fact]
    public async Task A_delivered_timeout_whose_job_runs_again_has_no_second_effect()
    {
        await Host.CreateAsync(Thing);
        await SettleAsync();
        var timeoutId = Assert.Single((await SagaAsync()).State.Timeouts.Keys);
        await AdvanceAsync(TimeSpan.FromHours(1));
        var head = (await Host.AllAsync())[^1].GlobalSequenceNumber;

        var executor = Host.Get<JobExecutor>();
        await executor.ExecuteAsync(executor.Describe(new SagaTimeoutJob("ThingWatch", Saga.Value, timeoutId), "again"), new DetachedJobRun("again"), Ct);

        Assert.Equal(head, (await Host.AllAsync())[^1].GlobalSequenceNumber);
    }
}

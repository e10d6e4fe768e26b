using EventFlowApp.Kernel.Jobs.InMemory;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.ReadModels.Jobs;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.ReadModels.Jobs;

/// <summary>
/// The resume job finds Building generations nobody fills (no live lease, no activity for a lease period)
/// and queues their run from the checkpoint; fresh, moving or leased ones are left to whoever has them.
/// </summary>
public sealed class ResumeRebuildsJobTests
{
    private const string Counters = "thing_counters";
    private const string NothingToDo = "No abandoned rebuild.";

    private static readonly TimeSpan Lease = new TrackedProcessorOptions().LeaseDuration;

    private static CancellationToken Ct => KernelHost.Ct;

    [Fact]
    public async Task An_abandoned_rebuild_is_resumed_from_its_checkpoint_and_finishes()
    {
        using var host = ReadModelHost.Create(batchSize: 2);
        var id = await RebuildTests.SeedAsync(host, counts: 5);
        await host.CatchUpLiveAsync();
        var building = await AbandonAfterFirstBatchAsync(host);
        host.Kernel.Clock.Advance(Lease + TimeSpan.FromSeconds(1));

        var resumeId = await host.Scheduler().EnqueueAsync(new ResumeRebuildsJob(), null, Ct);
        await host.WhenIdleAsync();

        var jobId = RunGenerationJob.JobIdFor(building, 2);
        Assert.Equal($"thing_counters generation 2: resumes from position 2 in job {jobId}", host.Scheduler().GetJob(resumeId)!.Result);
        var run = host.Scheduler().GetJob(jobId)!;
        Assert.Equal(JobStatus.Succeeded, run.Status);
        Assert.Contains("is Live: 4 events up to position 6", run.Result, StringComparison.Ordinal);
        Assert.Equal(2, (await host.LiveAsync(Counters)).Generation);
        Assert.Equal((5, 6), ((await host.CounterAsync(id))!.Total, (await host.CounterAsync(id))!.Events));
    }

    [Fact]
    public async Task A_fresh_rebuild_is_left_to_its_own_job_for_a_lease_period()
    {
        using var host = ReadModelHost.Create();
        await RebuildTests.SeedAsync(host, counts: 1);
        var building = await host.Populator.StartRebuildAsync(Counters, Ct);

        Assert.Equal(NothingToDo, await host.RunJobAsync(new ResumeRebuildsJob()));
        host.Kernel.Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Equal(NothingToDo, await host.RunJobAsync(new ResumeRebuildsJob()));
        Assert.Empty(host.GenerationJobs());

        host.Kernel.Clock.Advance(TimeSpan.FromSeconds(1));
        var result = await host.RunJobAsync(new ResumeRebuildsJob());
        await host.WhenIdleAsync();

        Assert.Equal($"thing_counters generation 1: resumes from position 0 in job {RunGenerationJob.JobIdFor(building, 0)}", result);
        Assert.Equal(GenerationState.Live, (await host.Generations.GetAsync(Counters, building.Generation, Ct))!.State);
    }

    [Fact]
    public async Task A_rebuild_that_moved_recently_is_not_abandoned_though_it_started_long_ago()
    {
        using var host = ReadModelHost.Create(batchSize: 2);
        await RebuildTests.SeedAsync(host, counts: 5);
        await host.CatchUpLiveAsync();
        var building = await host.Populator.StartRebuildAsync(Counters, Ct);
        host.Kernel.Clock.Advance(Lease * 2);
        await RunFirstBatchAsync(host, building);

        host.Kernel.Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Equal(NothingToDo, await host.RunJobAsync(new ResumeRebuildsJob()));

        host.Kernel.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.EndsWith($"resumes from position 2 in job {RunGenerationJob.JobIdFor(building, 2)}", await host.RunJobAsync(new ResumeRebuildsJob()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rebuild_leased_by_another_node_is_left_alone_until_its_lease_expires()
    {
        using var host = ReadModelHost.Create();
        await RebuildTests.SeedAsync(host, counts: 1);
        var building = await host.Populator.StartRebuildAsync(Counters, Ct);
        host.Kernel.Clock.Advance(Lease * 2);
        Assert.True(await host.Processors.TryAcquireLeaseAsync(building.ProcessorName, "node-b", TimeSpan.FromMinutes(5), Ct));

        Assert.Equal(NothingToDo, await host.RunJobAsync(new ResumeRebuildsJob()));
        Assert.Empty(host.GenerationJobs());

        // node-b stopped renewing: its lease has expired, and that alone makes the rebuild abandoned.
        host.Kernel.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.EndsWith($"resumes from position 0 in job {RunGenerationJob.JobIdFor(building, 0)}", await host.RunJobAsync(new ResumeRebuildsJob()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_the_resume_job_twice_queues_one_job_for_the_same_checkpoint()
    {
        using var host = ReadModelHost.Create(batchSize: 2, before: s => s.AddStoreOnTheHostClock(time => new CountingStore(time), c => c.Inner));
        var store = host.Kernel.Get<CountingStore>();
        await RebuildTests.SeedAsync(host, counts: 5);
        await host.CatchUpLiveAsync();
        var building = await AbandonAfterFirstBatchAsync(host);
        host.Kernel.Clock.Advance(Lease + TimeSpan.FromSeconds(1));

        // The resumed run fails on its first commit and waits for its retry: the generation still looks abandoned.
        store.FailNextCommit = new TimeoutException("connection dropped");
        var first = await host.RunJobAsync(new ResumeRebuildsJob());
        await host.WhenIdleAsync();
        var second = await host.RunJobAsync(new ResumeRebuildsJob());
        await host.WhenIdleAsync();

        var jobId = RunGenerationJob.JobIdFor(building, 2);
        Assert.Equal(first, second);
        Assert.EndsWith(jobId, first, StringComparison.Ordinal);
        var only = Assert.Single(host.GenerationJobs());
        Assert.Equal((jobId, JobStatus.Scheduled, 1), (only.JobId, only.Status, only.Attempts));

        host.Kernel.Clock.Advance(TimeSpan.FromSeconds(30));
        await host.WhenIdleAsync();
        Assert.Equal((JobStatus.Succeeded, 2), (host.Scheduler().GetJob(jobId)!.Status, host.Scheduler().GetJob(jobId)!.Attempts));
        Assert.Equal(2, (await host.LiveAsync(Counters)).Generation);
    }

    /// <summary>Starts a rebuild and runs one batch of it (checkpoint 2), then stops as a node shutting down would.</summary>
    private static async Task<ReadModelGeneration> AbandonAfterFirstBatchAsync(ReadModelHost host)
    {
        var building = await host.Populator.StartRebuildAsync(Counters, Ct);
        await RunFirstBatchAsync(host, building);
        return building;
    }

    private static async Task RunFirstBatchAsync(ReadModelHost host, ReadModelGeneration building)
    {
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Populator.RunAsync(
            Counters, building.Generation, new SyncProgress(_ => shutdown.CancelAsync()), shutdown.Token, resumableOnCancel: true));
        var state = (await host.Processors.GetAsync(building.ProcessorName, Ct))!;
        Assert.Equal((2L, (string?)null), (state.Position, state.LeaseOwner));
    }
}

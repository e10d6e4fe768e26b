using EventFlowApp.Kernel.Jobs;
using EventFlowApp.Kernel.Jobs.InMemory;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.ReadModels.Jobs;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.ReadModels.Jobs;

/// <summary>The job that fills one generation: it finishes rebuilds, reports progress, and tells an operator's cancel from a shutdown.</summary>
public sealed class RunGenerationJobTests
{
    private const string Counters = "thing_counters";

    private static CancellationToken Ct => KernelHost.Ct;

    [Fact]
    public async Task A_queued_rebuild_goes_live_with_the_same_rows_and_retires_the_old_generation()
    {
        using var host = ReadModelHost.Create(batchSize: 3);
        var ids = new[] { await RebuildTests.SeedAsync(host, counts: 4), await RebuildTests.SeedAsync(host, counts: 2) };
        await host.Kernel.Bus.PublishAsync(new RenameThing(ids[1], "renamed"), Ct);
        await host.CatchUpLiveAsync();

        var started = await host.Starter().StartRebuildAsync(Counters, Ct);
        await host.WhenIdleAsync();

        Assert.Equal((2, RunGenerationJob.JobIdFor(started.Generation, 0)), (started.Generation.Generation, started.JobId));
        var job = host.Scheduler().GetJob(started.JobId)!;
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.StartsWith("Generation 2 of 'thing_counters' is Live: 9 events up to position 9", job.Result, StringComparison.Ordinal);
        var generations = await host.Generations.ListAsync(Counters, Ct);
        Assert.Equal([GenerationState.Retired, GenerationState.Live], generations.Select(g => g.State));
        Assert.Equal(await RowsAsync(host, 1), await RowsAsync(host, 2));
        Assert.Equal(("renamed", 2, 4), ((await host.CounterAsync(ids[1]))!.Name, (await host.CounterAsync(ids[1]))!.Total, (await host.CounterAsync(ids[1]))!.Events));
    }

    [Fact]
    public async Task The_job_reports_its_progress_as_positions_of_the_head()
    {
        using var host = ReadModelHost.Create(batchSize: 2);
        await RebuildTests.SeedAsync(host, counts: 6);

        var started = await host.Starter().StartRebuildAsync(Counters, Ct);
        await host.WhenIdleAsync();

        var progress = host.Scheduler().GetJob(started.JobId)!.Progress;
        Assert.NotNull(progress);
        Assert.Equal((7L, 7L, "events"), (progress.Done, progress.Total!.Value, progress.Unit));
        Assert.Equal(TimeSpan.Zero, progress.Remaining);
    }

    [Fact]
    public async Task A_point_in_time_generation_run_as_a_job_ends_complete()
    {
        using var host = ReadModelHost.Create();
        var id = await RebuildTests.SeedAsync(host, counts: 5);

        var started = await host.Starter().StartPointInTimeAsync(Counters, "after-3", upToPosition: 3, upToTime: null, Ct);
        await host.WhenIdleAsync();

        var job = host.Scheduler().GetJob(started.JobId)!;
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Contains("is Complete: 3 events up to position 3", job.Result, StringComparison.Ordinal);
        Assert.Equal(GenerationState.Complete, (await host.Generations.GetAsync(Counters, started.Generation.Generation, Ct))!.State);
        Assert.Equal(2, (await host.CounterAsync(id, ReadModelView.Named("after-3")))!.Total);
    }

    [Fact]
    public async Task An_operator_cancelling_the_running_job_cancels_the_generation_and_leaves_the_live_one_alone()
    {
        using var host = ReadModelHost.Create(batchSize: 2, before: s => s.AddGatedReadModelStore());
        var store = host.Kernel.Get<GatedStore>();
        var id = await RebuildTests.SeedAsync(host, counts: 5);
        await host.CatchUpLiveAsync();
        store.HoldFrom(2);

        var started = await host.Starter().StartRebuildAsync(Counters, Ct);
        await store.Reached.Task.WaitAsync(JobSupport.Patience, Ct);
        Assert.Equal(JobStatus.Running, host.Scheduler().GetJob(started.JobId)!.Status);
        Assert.True(await host.Scheduler().CancelAsync(started.JobId, Ct));
        await host.WhenIdleAsync();

        Assert.Equal(JobStatus.Cancelled, host.Scheduler().GetJob(started.JobId)!.Status);
        var cancelled = (await host.Generations.GetAsync(Counters, 2, Ct))!;
        Assert.Equal(GenerationState.Cancelled, cancelled.State);
        Assert.Contains("live generation was not touched", cancelled.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await host.LiveAsync(Counters)).Generation);
        Assert.Equal((5, 6), ((await host.CounterAsync(id))!.Total, (await host.CounterAsync(id))!.Events));
        Assert.Null((await host.Processors.GetAsync(cancelled.ProcessorName, Ct))!.LeaseOwner);
    }

    [Fact]
    public async Task A_run_stopped_by_a_shutdown_leaves_the_generation_building_and_a_later_run_finishes_it_from_its_checkpoint()
    {
        using var host = ReadModelHost.Create(batchSize: 2);
        var id = await RebuildTests.SeedAsync(host, counts: 5);
        await host.CatchUpLiveAsync();
        var building = await host.Populator.StartRebuildAsync(Counters, Ct);
        using var shutdown = new ShutdownAfterFirstBatch("first-node");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => host.RunJobAsync(new RunGenerationJob(Counters, building.Generation), shutdown, shutdown.Token));

        Assert.Equal(GenerationState.Building, (await host.Generations.GetAsync(Counters, building.Generation, Ct))!.State);
        Assert.Equal((2L, 6L), (Assert.Single(shutdown.Reports).Done, shutdown.Reports[0].Total!.Value));
        Assert.Equal(2, (await host.Processors.GetAsync(building.ProcessorName, Ct))!.Position);

        var resumed = await host.Starter().QueueAsync(building, Ct, fromPosition: 2);
        await host.WhenIdleAsync();

        Assert.Equal(RunGenerationJob.JobIdFor(building, 2), resumed.JobId);
        Assert.StartsWith("Generation 2 of 'thing_counters' is Live: 4 events up to position 6", host.Scheduler().GetJob(resumed.JobId)!.Result, StringComparison.Ordinal);
        Assert.Equal(GenerationState.Live, (await host.LiveAsync(Counters)).State);
        Assert.Equal(2, (await host.LiveAsync(Counters)).Generation);
        Assert.Equal((5, 6), ((await host.CounterAsync(id))!.Total, (await host.CounterAsync(id))!.Events));
    }

    [Fact]
    public async Task A_generation_that_already_ended_is_reported_not_run_again()
    {
        using var host = ReadModelHost.Create();
        await RebuildTests.SeedAsync(host, counts: 1);
        await host.CatchUpLiveAsync();
        var building = await host.Populator.StartRebuildAsync(Counters, Ct);
        await host.Populator.CancelAsync(Counters, building.Generation, Ct);

        var live = await host.RunJobAsync(new RunGenerationJob(Counters, 1));
        var cancelled = await host.RunJobAsync(new RunGenerationJob(Counters, building.Generation));

        Assert.Equal("Generation 1 of 'thing_counters' had already ended: Live.", live);
        Assert.StartsWith("Generation 2 of 'thing_counters' had already ended: Cancelled (Cancelled before it caught up", cancelled, StringComparison.Ordinal);
        Assert.Equal([GenerationState.Live, GenerationState.Cancelled], (await host.Generations.ListAsync(Counters, Ct)).Select(g => g.State));
    }

    [Fact]
    public async Task A_generation_that_fails_while_the_job_runs_fails_the_job_for_good()
    {
        using var host = ReadModelHost.Create();
        await RebuildTests.SeedAsync(host, counts: 1);
        await host.Kernel.Persistence.AppendAsync(ThingId.New, 0, ("ThingVanished", 1, "{}"));

        var started = await host.Starter().StartRebuildAsync(Counters, Ct);
        await host.WhenIdleAsync();

        var job = host.Scheduler().GetJob(started.JobId)!;
        Assert.Equal((JobStatus.Failed, 1), (job.Status, job.Attempts));
        var error = Assert.IsType<JobCannotSucceedException>(job.LastError);
        Assert.Contains("Generation 1 of 'thing_counters' failed: Event at position 3 (ThingVanished v1)", error.Message, StringComparison.Ordinal);
        Assert.Equal(GenerationState.Failed, (await host.Generations.GetAsync(Counters, 1, Ct))!.State);
    }

    [Fact]
    public async Task A_generation_that_had_already_failed_or_is_missing_cannot_succeed()
    {
        using var host = ReadModelHost.Create();
        await RebuildTests.SeedAsync(host, counts: 1);
        await host.Kernel.Persistence.AppendAsync(ThingId.New, 0, ("ThingVanished", 1, "{}"));
        var failed = await host.Populator.RebuildAsync(Counters, null, Ct);
        Assert.Equal(GenerationState.Failed, failed.Generation.State);

        var again = await Assert.ThrowsAsync<JobCannotSucceedException>(() => host.RunJobAsync(new RunGenerationJob(Counters, failed.Generation.Generation)));
        var missing = await Assert.ThrowsAsync<JobCannotSucceedException>(() => host.RunJobAsync(new RunGenerationJob(Counters, 42)));

        Assert.Contains("failed: Event at position 3 (ThingVanished v1)", again.Message, StringComparison.Ordinal);
        Assert.Equal("Read model 'thing_counters' has no generation 42 (dropped?).", missing.Message);
    }

    [Fact]
    public async Task A_generation_run_by_another_node_fails_this_attempt_and_a_retry_after_the_lease_finishes_it()
    {
        using var host = ReadModelHost.Create();
        var id = await RebuildTests.SeedAsync(host, counts: 2);
        var building = await host.Populator.StartRebuildAsync(Counters, Ct);
        Assert.True(await host.Processors.TryAcquireLeaseAsync(building.ProcessorName, "node-b", TimeSpan.FromSeconds(45), Ct));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.RunJobAsync(new RunGenerationJob(Counters, building.Generation)));
        Assert.Contains("is being run by another node (HeldElsewhere)", error.Message, StringComparison.Ordinal);
        Assert.Equal(GenerationState.Building, (await host.Generations.GetAsync(Counters, building.Generation, Ct))!.State);

        // Through the scheduler the attempt is retried (30 s later, then 60 s later), and node-b's lease has expired by the second retry.
        var queued = await host.Starter().QueueAsync(building, Ct);
        await host.WhenIdleAsync();
        Assert.Equal((JobStatus.Scheduled, 1), (host.Scheduler().GetJob(queued.JobId)!.Status, host.Scheduler().GetJob(queued.JobId)!.Attempts));
        host.Kernel.Clock.Advance(TimeSpan.FromSeconds(30));
        await host.WhenIdleAsync();
        Assert.Equal(GenerationState.Building, (await host.Generations.GetAsync(Counters, building.Generation, Ct))!.State);
        host.Kernel.Clock.Advance(TimeSpan.FromSeconds(60));
        await host.WhenIdleAsync();

        Assert.Equal((JobStatus.Succeeded, 3), (host.Scheduler().GetJob(queued.JobId)!.Status, host.Scheduler().GetJob(queued.JobId)!.Attempts));
        Assert.Equal(1, (await host.LiveAsync(Counters)).Generation);
        Assert.Equal(2, (await host.CounterAsync(id))!.Total);
    }

    private static async Task<List<(string Name, int Total, int Events, long LastPosition)>> RowsAsync(ReadModelHost host, int generation) =>
        [.. await host.Store.QueryAsync<ThingCounter, (string, int, int, long)>(
            ReadModelView.Number(generation), q => q.Select(c => ValueTuple.Create(c.Name, c.Total, c.Events, c.LastPosition)), Ct)];
}

using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Jobs.InMemory;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.Processors.Jobs;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.ReadModels;
using EventFlowApp.Kernel.Tests.ReadModels.Jobs;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.Processors;

/// <summary>The health job fails, listing why, when a processor that should run is stopped or stuck behind the head; ended generations do not count.</summary>
public sealed class CheckProcessorHealthJobTests
{
    private const string Counters = "thing_counters";

    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(5);

    private static CancellationToken Ct => KernelHost.Ct;

    [Fact]
    public async Task Caught_up_processors_are_healthy_and_the_result_says_so()
    {
        using var host = ReadModelHost.Create();
        await RebuildTests.SeedAsync(host, counts: 2);
        await host.CatchUpLiveAsync();
        host.Kernel.Clock.Advance(StuckAfter * 10);

        Assert.Equal("1 processors healthy; largest lag 0 events.", await RunWhileTheClockMovesAsync(host));
    }

    [Fact]
    public async Task Parked_events_are_mentioned_but_do_not_fail_the_check()
    {
        using var host = ReadModelHost.Create(configure: o => o.AddReadModel<Parking>());
        var id = await RebuildTests.SeedAsync(host, counts: 1);
        await host.Kernel.CountAsync(id, 13);
        await host.CatchUpLiveAsync();

        Assert.Equal("2 processors healthy; largest lag 0 events; 1 parked events wait for an operator.", await RunWhileTheClockMovesAsync(host));
    }

    [Fact]
    public async Task A_stopped_processor_fails_the_check_with_its_event_and_error()
    {
        using var host = ReadModelHost.Create(configure: o => o.AddReadModel<Unlucky>());
        var id = await RebuildTests.SeedAsync(host, counts: 1);
        await host.Kernel.CountAsync(id, 13);
        await host.CatchUpLiveAsync();

        var error = await Assert.ThrowsAsync<ProcessorHealthException>(() => RunWhileTheClockMovesAsync(host));

        Assert.Equal(["rm:health_unlucky:1 is stopped at position 3 on ThingCounted: InvalidOperationException: 13 is unlucky"], error.Problems);
        Assert.StartsWith("1 processor(s) need attention:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_processor_behind_the_head_that_did_not_move_for_the_threshold_fails_the_check()
    {
        using var host = ReadModelHost.Create();
        var id = await RebuildTests.SeedAsync(host, counts: 1);
        await host.CatchUpLiveAsync();
        await host.Kernel.CountAsync(id, 1, times: 2);
        host.Kernel.Clock.Advance(StuckAfter + TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<ProcessorHealthException>(() => RunWhileTheClockMovesAsync(host));

        Assert.Equal([$"rm:thing_counters:1 is 2 events behind and has not moved since {KernelHost.Start:u} (no node holds it)"], error.Problems);
    }

    [Fact]
    public async Task A_stuck_processor_held_by_a_node_names_that_node()
    {
        using var host = ReadModelHost.Create();
        var id = await RebuildTests.SeedAsync(host, counts: 1);
        await host.CatchUpLiveAsync();
        await host.Kernel.CountAsync(id);
        host.Kernel.Clock.Advance(StuckAfter * 2);
        Assert.True(await host.Processors.TryAcquireLeaseAsync((await host.LiveAsync(Counters)).ProcessorName, "node-b", TimeSpan.FromHours(1), Ct));

        var error = await Assert.ThrowsAsync<ProcessorHealthException>(() => RunWhileTheClockMovesAsync(host));

        Assert.EndsWith("is 1 events behind and has not moved since 2025-03-01 09:00:00Z (held by node-b)", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_processor_that_moves_between_the_two_looks_is_not_reported()
    {
        using var host = ReadModelHost.Create();
        var id = await RebuildTests.SeedAsync(host, counts: 1);
        await host.CatchUpLiveAsync();
        await host.Kernel.CountAsync(id);
        host.Kernel.Clock.Advance(StuckAfter * 2);

        var result = await RunWhileTheClockMovesAsync(host, duringTheWait: () => host.CatchUpLiveAsync());

        Assert.Equal("1 processors healthy; largest lag 0 events.", result);
    }

    [Fact]
    public async Task A_processor_behind_that_moved_recently_is_only_lagging()
    {
        using var host = ReadModelHost.Create();
        var id = await RebuildTests.SeedAsync(host, counts: 1);
        await host.CatchUpLiveAsync();
        await host.Kernel.CountAsync(id, 1, times: 2);
        host.Kernel.Clock.Advance(StuckAfter);

        Assert.Equal("1 processors healthy; largest lag 2 events.", await RunWhileTheClockMovesAsync(host));
    }

    [Fact]
    public async Task A_rebuild_that_nobody_runs_is_reported_as_stuck()
    {
        using var host = ReadModelHost.Create();
        await RebuildTests.SeedAsync(host, counts: 1);
        await host.CatchUpLiveAsync();
        await host.Populator.StartRebuildAsync(Counters, Ct);
        host.Kernel.Clock.Advance(StuckAfter * 2);

        var error = await Assert.ThrowsAsync<ProcessorHealthException>(() => RunWhileTheClockMovesAsync(host));

        Assert.StartsWith("rm:thing_counters:2 is 2 events behind", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Processors_of_retired_failed_cancelled_and_complete_generations_are_not_watched()
    {
        using var host = ReadModelHost.Create();
        var id = await RebuildTests.SeedAsync(host, counts: 1);
        await host.CatchUpLiveAsync();
        await host.Populator.RebuildAsync(Counters, null, Ct); // 1 retired, 2 live
        var cancelled = await host.Populator.StartRebuildAsync(Counters, Ct);
        await host.Populator.CancelAsync(Counters, cancelled.Generation, Ct);
        var failed = await host.Populator.StartRebuildAsync(Counters, Ct);
        Assert.True(await host.Processors.TryAcquireLeaseAsync(failed.ProcessorName, "node-b", TimeSpan.FromSeconds(1), Ct));
        await host.Processors.StopAsync(failed.ProcessorName, "node-b", new ProcessorFailure(1, Guid.NewGuid(), "ThingCreated", "boom", "boom", KernelHost.Start), Ct);
        await host.Generations.EndAsync(Counters, failed.Generation, GenerationState.Failed, "boom", Ct);
        var complete = await host.Populator.StartPointInTimeAsync(Counters, "p1", upToPosition: 1, upToTime: null, Ct);
        await host.Populator.RunAsync(Counters, complete.Generation, null, Ct);
        await host.Kernel.CountAsync(id, 1, times: 3);
        await host.CatchUpLiveAsync();
        host.Kernel.Clock.Advance(StuckAfter * 2);

        Assert.Equal("1 processors healthy; largest lag 0 events.", await RunWhileTheClockMovesAsync(host));
    }

    [Fact]
    public async Task A_failing_check_is_not_retried_by_the_scheduler()
    {
        using var host = ReadModelHost.Create(configure: o => o.AddReadModel<Unlucky>());
        var id = await RebuildTests.SeedAsync(host, counts: 1);
        await host.Kernel.CountAsync(id, 13);
        await host.CatchUpLiveAsync();

        var jobId = await host.Scheduler().EnqueueAsync(new CheckProcessorHealthJob(StuckAfter), null, Ct);
        await host.WhenIdleAsync();
        host.Kernel.Clock.Advance(TimeSpan.FromDays(1));
        await host.WhenIdleAsync();

        var job = host.Scheduler().GetJob(jobId)!;
        Assert.Equal((JobStatus.Failed, 1), (job.Status, job.Attempts));
        Assert.Contains("rm:health_unlucky:1 is stopped", Assert.IsType<ProcessorHealthException>(job.LastError).Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs the check and moves the fake clock a poll at a time until it ends: a suspect is looked at again
    /// after a delay on that clock, which would otherwise never pass. With the in-memory stores the first
    /// look is done before the run yields, so <paramref name="duringTheWait"/> runs between the two looks.
    /// </summary>
    private static async Task<string?> RunWhileTheClockMovesAsync(ReadModelHost host, Func<Task>? duringTheWait = null)
    {
        var poll = host.Kernel.Get<TrackedProcessorOptions>().PollInterval;
        var running = host.RunJobAsync(new CheckProcessorHealthJob(StuckAfter));
        if (duringTheWait is not null)
        {
            Assert.False(running.IsCompleted, "The check should be waiting to look a second time.");
            await duringTheWait();
        }

        for (var i = 0; i < 100 && !running.IsCompleted; i++)
        {
            host.Kernel.Clock.Advance(poll);
            await Task.WhenAny(running, Task.Delay(TimeSpan.FromMilliseconds(10), Ct));
        }

        Assert.True(running.IsCompleted, "The check did not end although its wait had long passed on the clock.");
        return await running;
    }

    [ReadModel("health_unlucky")]
    private sealed class Unlucky : IAmReadModelFor<Thing, ThingId, ThingCounted>
    {
        public int Total { get; set; }

        public void Apply(IReadModelContext context, IDomainEvent<Thing, ThingId, ThingCounted> domainEvent) =>
            Total += domainEvent.AggregateEvent.By == 13 ? throw new InvalidOperationException("13 is unlucky") : domainEvent.AggregateEvent.By;
    }

    [ReadModel("health_parking", ErrorPolicy = ProcessorErrorPolicy.Park)]
    private sealed class Parking : IAmReadModelFor<Thing, ThingId, ThingCounted>
    {
        public int Total { get; set; }

        public void Apply(IReadModelContext context, IDomainEvent<Thing, ThingId, ThingCounted> domainEvent) =>
            Total += domainEvent.AggregateEvent.By == 13 ? throw new InvalidOperationException("13 is unlucky") : domainEvent.AggregateEvent.By;
    }
}

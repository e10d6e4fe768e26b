using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.ReadModels;

/// <summary>Complete rebuilds are blue/green: the live generation answers, unchanged, until the new one has caught up and switches.</summary>
public sealed class RebuildTests
{
    private static CancellationToken Ct => KernelHost.Ct;

    [Fact]
    public async Task A_rebuild_fills_a_new_generation_beside_the_live_one_and_switches_when_caught_up()
    {
        using var host = ReadModelHost.Create(batchSize: 2);
        var id = await SeedAsync(host, counts: 7);
        await host.CatchUpLiveAsync();
        var seenDuring = new List<(int? Live, int? Building)>();
        var progress = new SyncProgress(async _ =>
            seenDuring.Add(((await host.CounterAsync(id))?.Events, (await host.CounterAsync(id, ReadModelView.Number(2)))?.Events)));

        var result = await host.Populator.RebuildAsync("thing_counters", progress, Ct);

        Assert.True(result.Succeeded);
        Assert.Equal((2, GenerationState.Live), (result.Generation.Generation, result.Generation.State));
        Assert.All(seenDuring, s => Assert.Equal(8, s.Live));
        Assert.Equal([2, 4, 6, 8], seenDuring.Select(s => s.Building));
        var generations = await host.Generations.ListAsync("thing_counters", Ct);
        Assert.Equal([GenerationState.Retired, GenerationState.Live], generations.Select(g => g.State));
        Assert.Equal(8, (await host.CounterAsync(id))!.Events);
    }

    [Fact]
    public async Task Events_committed_during_a_rebuild_are_in_the_new_generation_when_it_goes_live()
    {
        using var host = ReadModelHost.Create(batchSize: 2);
        var id = await SeedAsync(host, counts: 3);
        await host.CatchUpLiveAsync();
        var committed = false;
        var progress = new SyncProgress(async _ =>
        {
            if (!committed)
            {
                committed = true;
                await host.Kernel.CountAsync(id, 100);
            }
        });

        await host.Populator.RebuildAsync("thing_counters", progress, Ct);

        Assert.Equal(103, (await host.CounterAsync(id))!.Total);
    }

    [Fact]
    public async Task A_failing_rebuild_is_marked_failed_with_the_reason_and_the_live_generation_keeps_answering()
    {
        using var host = ReadModelHost.Create();
        var id = await SeedAsync(host, counts: 2);
        await host.CatchUpLiveAsync();
        await host.Kernel.Persistence.AppendAsync(ThingId.New, 0, ("ThingVanished", 1, "{}"));

        var result = await host.Populator.RebuildAsync("thing_counters", null, Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(GenerationState.Failed, result.Generation.State);
        Assert.Contains("position 4 (ThingVanished v1)", result.Generation.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await host.LiveAsync("thing_counters")).Generation);
        Assert.Equal(3, (await host.CounterAsync(id))!.Events);
    }

    [Fact]
    public async Task A_cancelled_rebuild_is_marked_cancelled_and_leaves_the_live_generation_alone()
    {
        using var host = ReadModelHost.Create(batchSize: 2);
        var id = await SeedAsync(host, counts: 7);
        await host.CatchUpLiveAsync();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var progress = new SyncProgress(_ => cancel.CancelAsync());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Populator.RebuildAsync("thing_counters", progress, cancel.Token));

        var generations = await host.Generations.ListAsync("thing_counters", Ct);
        Assert.Equal([GenerationState.Live, GenerationState.Cancelled], generations.Select(g => g.State));
        Assert.Contains("live generation was not touched", generations[1].Error, StringComparison.Ordinal);
        Assert.Equal(8, (await host.CounterAsync(id))!.Events);
    }

    [Fact]
    public async Task A_node_shutting_down_leaves_its_rebuild_building_to_be_resumed()
    {
        using var host = ReadModelHost.Create(batchSize: 2);
        var id = await SeedAsync(host, counts: 7);
        var building = await host.Populator.StartRebuildAsync("thing_counters", Ct);
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Populator.RunAsync(
            "thing_counters", building.Generation, new SyncProgress(_ => shutdown.CancelAsync()), shutdown.Token, resumableOnCancel: true));

        Assert.Equal(GenerationState.Building, (await host.Generations.GetAsync("thing_counters", building.Generation, Ct))!.State);
        var resumed = await host.Populator.RunAsync("thing_counters", building.Generation, null, Ct);
        Assert.Equal(GenerationState.Live, resumed.Generation.State);
        Assert.Equal(8, (await host.CounterAsync(id))!.Events);
    }

    [Fact]
    public async Task An_interrupted_rebuild_resumes_from_its_own_checkpoint()
    {
        var store = new CountingStore(TimeProvider.System);
        using var host = ReadModelHost.Create(batchSize: 2, before: s => s.AddReadModelStore(store));
        var id = await SeedAsync(host, counts: 7);
        await host.CatchUpLiveAsync();
        var building = await host.Populator.StartRebuildAsync("thing_counters", Ct);

        // The node dies after two batches: no cancellation bookkeeping, the generation stays Building.
        using (var crash = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            var batches = 0;
            var processor = host.Kernel.Get<ReadModelProcessorFactory>().Create(building);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Runner.CatchUpAsync(
                processor, new SyncProgress(_ => ++batches == 2 ? crash.CancelAsync() : Task.CompletedTask), crash.Token));
        }

        Assert.Equal(4, (await host.Processors.GetAsync(building.ProcessorName, Ct))!.Position);
        var loadsBefore = store.Loads;

        var result = await host.Populator.RunAsync("thing_counters", building.Generation, null, Ct);

        Assert.Equal(GenerationState.Live, result.Generation.State);
        Assert.Equal(4, result.Run.EventsProcessed);
        Assert.Equal(2, store.Loads - loadsBefore);
        Assert.Equal((7, 8), ((await host.CounterAsync(id))!.Total, (await host.CounterAsync(id))!.Events));
    }

    [Fact]
    public async Task Progress_reports_position_head_rate_and_remaining_time()
    {
        using var host = ReadModelHost.Create(batchSize: 3);
        await SeedAsync(host, counts: 8);
        var reports = new List<ProcessorProgress>();

        await host.Populator.RebuildAsync("thing_counters", new SyncProgress(p =>
        {
            reports.Add(p);
            return Task.CompletedTask;
        }), Ct);

        Assert.Equal([3L, 6L, 9L], reports.Select(r => r.Position));
        Assert.All(reports, r => Assert.Equal(9, r.Head));
        Assert.Equal(1.0, reports[^1].Fraction);
        Assert.Equal(9, reports[^1].EventsProcessed);
        Assert.All(reports, r => Assert.True(r.EventsPerSecond > 0));
        Assert.Equal(TimeSpan.Zero, reports[^1].EstimatedRemaining);
    }

    [Fact]
    public async Task Two_runs_of_one_generation_never_run_at_once()
    {
        using var host = ReadModelHost.Create();
        await SeedAsync(host, counts: 2);
        var building = await host.Populator.StartRebuildAsync("thing_counters", Ct);
        Assert.True(await host.Processors.TryAcquireLeaseAsync(building.ProcessorName, "node-b", TimeSpan.FromMinutes(1), Ct));

        var result = await host.Populator.RunAsync("thing_counters", building.Generation, null, Ct);

        Assert.Equal(ProcessorRunOutcome.HeldElsewhere, result.Run.Outcome);
        Assert.Equal(GenerationState.Building, result.Generation.State);
    }

    [Fact]
    public async Task Ended_generations_are_dropped_after_a_grace_period_never_the_live_one()
    {
        using var host = ReadModelHost.Create();
        var id = await SeedAsync(host, counts: 1);
        await host.CatchUpLiveAsync();
        await host.Populator.RebuildAsync("thing_counters", null, Ct);

        Assert.Empty(await host.Populator.DropEndedAsync(TimeSpan.FromMinutes(5), Ct));
        host.Kernel.Clock.Advance(TimeSpan.FromMinutes(6));
        var dropped = Assert.Single(await host.Populator.DropEndedAsync(TimeSpan.FromMinutes(5), Ct));

        Assert.Equal(1, dropped.Generation);
        Assert.Null(await host.Processors.GetAsync(dropped.ProcessorName, Ct));
        await Assert.ThrowsAsync<ReadModelGenerationNotFoundException>(() => host.CounterAsync(id, ReadModelView.Number(1)));
        Assert.Equal(2, (await host.CounterAsync(id))!.Events);
    }

    internal static async Task<ThingId> SeedAsync(ReadModelHost host, int counts)
    {
        var id = ThingId.New;
        await host.Kernel.CreateAsync(id);
        for (var i = 0; i < counts; i++)
        {
            await host.Kernel.CountAsync(id);
        }

        return id;
    }
}

/// <summary>Reports synchronously, in the reporting call (Progress&lt;T&gt; would post to the thread pool and race the test).</summary>
internal sealed class SyncProgress(Func<ProcessorProgress, Task> report) : IProgress<ProcessorProgress>
{
    public void Report(ProcessorProgress value) => report(value).GetAwaiter().GetResult();
}

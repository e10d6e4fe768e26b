using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.ReadModels;

/// <summary>A point-in-time generation is built up to a position or a time, kept under a name beside the live one, readable and deletable.</summary>
public sealed class PointInTimeTests
{
    private static CancellationToken Ct => KernelHost.Ct;

    [Fact]
    public async Task A_generation_up_to_a_position_shows_exactly_the_events_up_to_it()
    {
        using var host = ReadModelHost.Create(batchSize: 2);
        var id = await RebuildTests.SeedAsync(host, counts: 6);
        await host.CatchUpLiveAsync();
        var generation = await host.Populator.StartPointInTimeAsync("thing_counters", "after-4", upToPosition: 4, upToTime: null, Ct);

        var result = await host.Populator.RunAsync("thing_counters", generation.Generation, null, Ct);

        Assert.Equal(GenerationState.Complete, result.Generation.State);
        var then = await host.CounterAsync(id, ReadModelView.Named("after-4"));
        Assert.Equal((3, 4, 4L), (then!.Total, then.Events, then.LastPosition));
        Assert.Equal(6, (await host.CounterAsync(id))!.Total);
        Assert.Equal(1, (await host.LiveAsync("thing_counters")).Generation);
    }

    [Fact]
    public async Task A_generation_up_to_a_time_leaves_out_events_recorded_later()
    {
        using var host = ReadModelHost.Create();
        var id = ThingId.New;
        await host.Kernel.CreateAsync(id);
        await host.Kernel.CountAsync(id, 1);
        host.Kernel.Clock.Advance(TimeSpan.FromHours(1));
        var cut = host.Kernel.Clock.GetUtcNow();
        await host.Kernel.CountAsync(id, 10);
        host.Kernel.Clock.Advance(TimeSpan.FromSeconds(1));
        await host.Kernel.CountAsync(id, 100);

        var generation = await host.Populator.StartPointInTimeAsync("thing_counters", "close-of-business", null, cut, Ct);
        await host.Populator.RunAsync("thing_counters", generation.Generation, null, Ct);

        Assert.Equal(11, (await host.CounterAsync(id, ReadModelView.Named("close-of-business")))!.Total);
    }

    [Fact]
    public async Task A_point_in_time_generation_is_completed_once_and_never_follows_new_events()
    {
        using var host = ReadModelHost.Create();
        var id = await RebuildTests.SeedAsync(host, counts: 2);
        var generation = await host.Populator.StartPointInTimeAsync("thing_counters", "p3", 3, null, Ct);
        await host.Populator.RunAsync("thing_counters", generation.Generation, null, Ct);
        await host.Kernel.CountAsync(id, 50);

        await host.CatchUpLiveAsync();

        Assert.Equal(2, (await host.CounterAsync(id, ReadModelView.Named("p3")))!.Total);
        await Assert.ThrowsAsync<ReadModelStateException>(() => host.Populator.RunAsync("thing_counters", generation.Generation, null, Ct));
    }

    [Fact]
    public async Task A_named_generation_can_be_dropped_and_then_is_gone()
    {
        using var host = ReadModelHost.Create();
        var id = await RebuildTests.SeedAsync(host, counts: 2);
        var generation = await host.Populator.StartPointInTimeAsync("thing_counters", "p2", 2, null, Ct);
        await host.Populator.RunAsync("thing_counters", generation.Generation, null, Ct);

        await host.Generations.DropAsync("thing_counters", generation.Generation, Ct);

        var error = await Assert.ThrowsAsync<ReadModelGenerationNotFoundException>(() => host.CounterAsync(id, ReadModelView.Named("p2")));
        Assert.Contains("'thing_counters' has no p2 generation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_point_in_time_generation_made_before_the_first_live_one_does_not_keep_it_from_starting()
    {
        using var host = ReadModelHost.Create();
        var id = await RebuildTests.SeedAsync(host, counts: 2);
        var early = await host.Populator.StartPointInTimeAsync("thing_counters", "early", 2, null, Ct);
        await host.Populator.RunAsync("thing_counters", early.Generation, null, Ct);

        await host.CatchUpLiveAsync();

        Assert.Equal(2, (await host.LiveAsync("thing_counters")).Generation);
        Assert.Equal(2, (await host.CounterAsync(id))!.Total);
        Assert.Equal(1, (await host.CounterAsync(id, ReadModelView.Named("early")))!.Total);
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_the_reason()
    {
        using var host = ReadModelHost.Create();
        await host.Populator.StartPointInTimeAsync("thing_counters", "twice", 1, null, Ct);

        await Assert.ThrowsAsync<ReadModelStateException>(() => host.Populator.StartPointInTimeAsync("thing_counters", "twice", 2, null, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Populator.StartPointInTimeAsync("thing_counters", "both", 1, KernelHost.Start, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Populator.StartPointInTimeAsync("thing_counters", "neither", null, null, Ct));
        var future = host.Kernel.Clock.GetUtcNow().AddDays(1);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Populator.StartPointInTimeAsync("thing_counters", "later", null, future, Ct));
        Assert.Contains("in the future", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => host.Populator.StartRebuildAsync("no_such_model", Ct));
    }
}

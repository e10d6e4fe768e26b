using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.ReadModels;

/// <summary>Two complete rebuilds of one read model would race to switch live: the second is refused; point-in-time generations are not rebuilds.</summary>
public sealed class OneRebuildAtATimeTests
{
    private const string Counters = "thing_counters";

    private static CancellationToken Ct => KernelHost.Ct;

    [Fact]
    public async Task A_second_complete_rebuild_is_refused_while_the_first_is_building_and_creates_nothing()
    {
        using var host = ReadModelHost.Create();
        await RebuildTests.SeedAsync(host, counts: 1);
        await host.CatchUpLiveAsync();
        var first = await host.Populator.StartRebuildAsync(Counters, Ct);

        var error = await Assert.ThrowsAsync<ReadModelStateException>(() => host.Populator.StartRebuildAsync(Counters, Ct));
        await Assert.ThrowsAsync<ReadModelStateException>(() => host.Populator.RebuildAsync(Counters, null, Ct));

        Assert.Equal(
            $"Read model '{Counters}' is already being rebuilt (generation {first.Generation}); wait for it or cancel it first.", error.Message);
        Assert.Equal([GenerationState.Live, GenerationState.Building], (await host.Generations.ListAsync(Counters, Ct)).Select(g => g.State));
    }

    [Fact]
    public async Task Point_in_time_generations_may_be_built_beside_a_rebuild_and_do_not_block_one()
    {
        using var host = ReadModelHost.Create();
        await RebuildTests.SeedAsync(host, counts: 3);
        await host.CatchUpLiveAsync();
        var early = await host.Populator.StartPointInTimeAsync(Counters, "early", upToPosition: 2, upToTime: null, Ct);

        var rebuild = await host.Populator.StartRebuildAsync(Counters, Ct);
        var beside = await host.Populator.StartPointInTimeAsync(Counters, "beside", upToPosition: 3, upToTime: null, Ct);

        Assert.Equal([2, 3, 4], new[] { early, rebuild, beside }.Select(g => g.Generation));
        Assert.Equal(
            [(1, GenerationState.Live, false), (2, GenerationState.Building, true), (3, GenerationState.Building, false), (4, GenerationState.Building, true)],
            (await host.Generations.ListAsync(Counters, Ct)).Select(g => (g.Generation, g.State, g.IsPointInTime)));
        Assert.Equal(GenerationState.Live, (await host.Populator.RunAsync(Counters, rebuild.Generation, null, Ct)).Generation.State);
        Assert.Equal(GenerationState.Complete, (await host.Populator.RunAsync(Counters, beside.Generation, null, Ct)).Generation.State);
    }

    [Fact]
    public async Task Once_the_rebuild_has_ended_another_one_may_start()
    {
        using var host = ReadModelHost.Create();
        await RebuildTests.SeedAsync(host, counts: 1);
        await host.CatchUpLiveAsync();
        var cancelled = await host.Populator.StartRebuildAsync(Counters, Ct);
        Assert.True(await host.Populator.CancelAsync(Counters, cancelled.Generation, Ct));

        var second = await host.Populator.RebuildAsync(Counters, null, Ct);
        var third = await host.Populator.StartRebuildAsync(Counters, Ct);

        Assert.Equal((3, GenerationState.Live), (second.Generation.Generation, second.Generation.State));
        Assert.Equal((4, GenerationState.Building), (third.Generation, third.State));
        Assert.False(await host.Populator.CancelAsync(Counters, cancelled.Generation, Ct));
    }

    [Fact]
    public void The_rule_counts_only_building_complete_rebuilds_of_the_read_model()
    {
        var at = KernelHost.Start;
        ReadModelGeneration Generation(int number, GenerationState state, long? upTo = null) =>
            new(Counters, number, state, upTo is null ? null : $"p{number}", upTo, null, at, null, null);
        var rebuild = new GenerationRequest(Counters, GenerationState.Building);

        GenerationRules.CheckCreate(rebuild, [
            Generation(1, GenerationState.Retired), Generation(2, GenerationState.Live), Generation(3, GenerationState.Failed),
            Generation(4, GenerationState.Cancelled), Generation(5, GenerationState.Building, upTo: 10), Generation(6, GenerationState.Complete, upTo: 4)]);
        GenerationRules.CheckCreate(new GenerationRequest(Counters, GenerationState.Building, "p", UpToPosition: 5), [Generation(2, GenerationState.Building)]);
        var error = Assert.Throws<ReadModelStateException>(() => GenerationRules.CheckCreate(rebuild, [Generation(1, GenerationState.Live), Generation(7, GenerationState.Building)]));
        Assert.Contains("(generation 7)", error.Message, StringComparison.Ordinal);
    }
}

using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.ReadModels;

/// <summary>One node runs a processor at a time; a node that lost its lease can store nothing.</summary>
public sealed class LeaseTests
{
    private static CancellationToken Ct => KernelHost.Ct;

    [Fact]
    public async Task A_processor_held_by_another_node_is_left_alone_until_its_lease_expires()
    {
        using var host = ReadModelHost.Create();
        var id = await RebuildTests.SeedAsync(host, counts: 1);
        await host.CatchUpLiveAsync();
        await host.Kernel.CountAsync(id);
        var live = await host.LiveAsync("thing_counters");
        Assert.True(await host.Processors.TryAcquireLeaseAsync(live.ProcessorName, "node-b", TimeSpan.FromSeconds(30), Ct));

        var held = Assert.Single(await host.CatchUpLiveAsync());
        Assert.Equal(ProcessorRunOutcome.HeldElsewhere, held.Outcome);
        Assert.Equal(2, (await host.CounterAsync(id))!.Events);

        host.Kernel.Clock.Advance(TimeSpan.FromSeconds(31));
        var taken = Assert.Single(await host.CatchUpLiveAsync());
        Assert.Equal(ProcessorRunOutcome.CaughtUp, taken.Outcome);
        Assert.Equal(3, (await host.CounterAsync(id))!.Events);
    }

    [Fact]
    public async Task A_node_whose_lease_was_taken_over_stores_nothing_and_stops()
    {
        using var host = ReadModelHost.Create();
        var id = await RebuildTests.SeedAsync(host, counts: 2);
        var live = (await host.Kernel.Get<IEnumerable<ITrackedProcessorSource>>().OfType<LiveReadModelProcessorSource>().Single().GetProcessorsAsync(Ct)).Single();
        var slow = new TakenOverMidBatch(live, host);

        var result = await host.Runner.CatchUpAsync(slow, null, Ct);

        Assert.Equal(ProcessorRunOutcome.LeaseLost, result.Outcome);
        Assert.Null(await host.CounterAsync(id));
        var state = await host.Processors.GetAsync(live.Name, Ct);
        Assert.Equal((0L, "node-b"), (state!.Position, state.LeaseOwner));
    }

    [Fact]
    public async Task The_lease_is_released_when_a_run_ends_so_another_node_can_start_at_once()
    {
        using var host = ReadModelHost.Create();
        await RebuildTests.SeedAsync(host, counts: 1);
        await host.CatchUpLiveAsync();
        var live = await host.LiveAsync("thing_counters");

        Assert.True(await host.Processors.TryAcquireLeaseAsync(live.ProcessorName, "node-b", TimeSpan.FromSeconds(30), Ct));
    }

    /// <summary>Stalls past its lease while applying; meanwhile node-b takes the processor over.</summary>
    private sealed class TakenOverMidBatch(ITrackedProcessor inner, ReadModelHost host) : ITrackedProcessor
    {
        public string Name => inner.Name;

        public ProcessorErrorPolicy ErrorPolicy => inner.ErrorPolicy;

        public long? StopAfterPosition => inner.StopAfterPosition;

        public DateTimeOffset? StopAfterTime => inner.StopAfterTime;

        public async Task ProcessAsync(ProcessorBatch batch, CancellationToken cancellationToken)
        {
            host.Kernel.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.True(await host.Processors.TryAcquireLeaseAsync(Name, "node-b", TimeSpan.FromMinutes(5), cancellationToken));
            await inner.ProcessAsync(batch, cancellationToken);
        }
    }
}

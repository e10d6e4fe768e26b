using EventFlowApp.Kernel.Serialization;
using EventFlowApp.Kernel.Snapshots;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Tests.Snapshots;

/// <summary>With AddSnapshots&lt;Thing&gt;(10) a snapshot is taken whenever a commit crosses a multiple of 10.</summary>
public sealed class SnapshotTakingTests : SnapshotFixture
{
    [Fact]
    public async Task After_25_events_snapshots_exist_at_10_and_20()
    {
        await GivenEventsAsync(25);

        Assert.Equal(20, (await SnapshotAtAsync(long.MaxValue)).AggregateSequenceNumber);
        Assert.Equal(10, (await SnapshotAtAsync(19)).AggregateSequenceNumber);
        Assert.Null(await Host.Snapshots.LoadAsync(Id.Value, 9, null, KernelHost.Ct));
    }

    [Fact]
    public async Task A_snapshot_holds_the_state_name_version_and_time_of_its_last_event()
    {
        await GivenEventsAsync(25);

        var snapshot = await SnapshotAtAsync(long.MaxValue);
        var state = (ThingState)Host.Get<IJsonSerializer>().Deserialize(snapshot.Data, typeof(ThingState));

        Assert.Equal(("Thing", Id.Value, "ThingState", 1), (snapshot.AggregateName, snapshot.AggregateId, snapshot.SnapshotName, snapshot.SnapshotVersion));
        Assert.Equal(new ThingState { Name = "lamp", Total = TotalAfter(20), Counts = 19 }, state);
        Assert.Equal(TimeOf(20).UtcDateTime, snapshot.LastEventTimestampUtc);
        Assert.Equal(TimeOf(20).UtcDateTime, snapshot.TakenAtUtc);
    }

    [Fact]
    public async Task A_command_that_jumps_over_a_multiple_snapshots_at_its_last_event()
    {
        await GivenEventsAsync(8);

        await Host.CountAsync(Id, 1, times: 5);

        Assert.Equal(13, (await SnapshotAtAsync(long.MaxValue)).AggregateSequenceNumber);
    }

    [Fact]
    public async Task No_snapshot_before_the_first_multiple()
    {
        await GivenEventsAsync(9);

        Assert.Null(await Host.Snapshots.LoadAsync(Id.Value, long.MaxValue, null, KernelHost.Ct));
    }

    [Fact]
    public async Task A_snapshot_store_that_fails_does_not_fail_the_command()
    {
        using var host = KernelHost.Create(o => o.AddSnapshots<Thing>(1), s => s.AddSingleton<ISnapshotPersistence, BrokenSnapshots>());
        var id = ThingId.New;

        var result = await host.CreateAsync(id);

        Assert.True(result.IsSuccess);
        Assert.Single(await host.StreamAsync(id));
    }

    [Fact]
    public void A_snapshot_interval_below_one_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelHost.Create(o => o.AddSnapshots<Thing>(0)));

    [Fact]
    public void A_second_snapshot_strategy_for_one_aggregate_is_refused_at_registration()
    {
        var error = Assert.Throws<InvalidOperationException>(() => KernelHost.Create(o => o.AddSnapshots<Thing>(10).AddSnapshots<Thing>(20)));

        Assert.Contains("already has a snapshot strategy", error.Message, StringComparison.Ordinal);
    }

    private sealed class BrokenSnapshots : ISnapshotPersistence
    {
        public Task<StoredSnapshot?> LoadAsync(string aggregateId, long maxSequenceNumber, DateTime? lastEventNotAfterUtc, CancellationToken cancellationToken) =>
            Task.FromResult<StoredSnapshot?>(null);

        public Task SaveAsync(StoredSnapshot snapshot, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("disk full");

        public Task DeleteAsync(string aggregateId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

public sealed class NoSnapshotsWithoutAStrategyTests() : SnapshotFixture(snapshots: false)
{
    [Fact]
    public async Task Without_AddSnapshots_no_snapshot_is_taken()
    {
        await GivenEventsAsync(25);

        Assert.Null(await Host.Snapshots.LoadAsync(Id.Value, long.MaxValue, null, KernelHost.Ct));
    }

    [Fact]
    public async Task Without_AddSnapshots_a_stored_snapshot_is_not_used()
    {
        await GivenEventsAsync(12);
        await Host.Snapshots.SaveAsync(
            new StoredSnapshot("Thing", Id.Value, 10, "ThingState", 1, """{"name":"forged","total":1000}""", TimeOf(10).UtcDateTime, TimeOf(10).UtcDateTime),
            KernelHost.Ct);

        var thing = await Host.LoadAsync(Id);

        Assert.Equal(TotalAfter(12), thing.State.Total);
        Assert.Equal(1, Assert.Single(Reads.Reads.Where(r => r.AggregateId == Id.Value).TakeLast(1)).From);
    }
}

using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.Snapshots;

/// <summary>Loading starts from the newest usable snapshot and reads only the events after it.</summary>
public sealed class SnapshotLoadingTests : SnapshotFixture
{
    [Fact]
    public async Task Loading_reads_only_the_events_after_the_snapshot()
    {
        await GivenEventsAsync(25);
        Reads.Clear();

        var thing = await Host.LoadAsync(Id);

        Assert.Equal((Id.Value, 21L, long.MaxValue), Assert.Single(Reads.Reads));
        Assert.Equal(25, thing.Version);
        Assert.Equal(TotalAfter(25), thing.State.Total);
        Assert.Equal(TimeOf(25), thing.LastEventTimestamp);
    }

    [Fact]
    public async Task The_state_comes_from_the_snapshot_not_from_a_replay()
    {
        await GivenEventsAsync(25);
        await TamperAsync(20, s => s with { Total = 1000 });

        var thing = await Host.LoadAsync(Id);

        Assert.Equal(1000 + TotalAfter(25) - TotalAfter(20), thing.State.Total);
    }

    [Fact]
    public async Task A_snapshot_of_another_schema_version_is_ignored_and_the_aggregate_replayed()
    {
        await GivenEventsAsync(25);
        await TamperAsync(20, s => s with { Total = 1000 }, snapshotVersion: 2);
        Reads.Clear();

        var thing = await Host.LoadAsync(Id);

        Assert.Equal(TotalAfter(25), thing.State.Total);
        Assert.Equal(new ThingState { Name = "lamp", Total = TotalAfter(25), Counts = 24 }, thing.State);
        Assert.Equal(1, Assert.Single(Reads.Reads).From);
    }

    [Fact]
    public async Task A_snapshot_of_another_name_is_ignored()
    {
        await GivenEventsAsync(12);
        var snapshot = await SnapshotAtAsync(10);
        await Host.Snapshots.SaveAsync(snapshot with { SnapshotName = "OtherState", Data = """{"total":1000}""" }, KernelHost.Ct);

        Assert.Equal(TotalAfter(12), (await Host.LoadAsync(Id)).State.Total);
    }

    [Theory]
    [InlineData(15, 10)]
    [InlineData(20, 20)]
    [InlineData(19, 10)]
    [InlineData(25, 20)]
    public async Task An_as_of_version_load_uses_only_a_snapshot_at_or_before_that_version(long version, long snapshotUsed)
    {
        await GivenEventsAsync(25);
        await TamperAsync(10, s => s with { Total = 1000 });
        await TamperAsync(20, s => s with { Total = 2000 });
        Reads.Clear();

        var thing = await Host.LoadAsync(Id, AsOf.AtVersion(version));

        var forged = snapshotUsed == 10 ? 1000 - TotalAfter(10) : 2000 - TotalAfter(20);
        Assert.Equal(version, thing.Version);
        Assert.Equal(TotalAfter((int)version) + forged, thing.State.Total);
        Assert.Equal((Id.Value, snapshotUsed + 1, version), Assert.Single(Reads.Reads));
    }

    [Fact]
    public async Task An_as_of_version_before_any_snapshot_replays_from_the_start()
    {
        await GivenEventsAsync(25);
        await TamperAsync(10, s => s with { Total = 1000 });

        var thing = await Host.LoadAsync(Id, AsOf.AtVersion(9));

        Assert.Equal(TotalAfter(9), thing.State.Total);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(20)]
    [InlineData(24)]
    public async Task An_as_of_time_load_never_uses_a_snapshot_taken_after_that_time(int n)
    {
        await GivenEventsAsync(25);
        await TamperAsync(20, s => s with { Total = 2000 });
        var justBeforeNext = TimeOf(n + 1).AddTicks(-10);

        var thing = await Host.LoadAsync(Id, AsOf.AtTime(justBeforeNext));

        Assert.Equal(n, thing.Version);
        // Before event 20 the forged snapshot at 20 must not be used; from event 20 on it may be.
        var expected = n >= 20 ? 2000 + TotalAfter(n) - TotalAfter(20) : TotalAfter(n);
        Assert.Equal(expected, thing.State.Total);
    }

    [Fact]
    public async Task An_as_of_time_load_uses_the_newest_snapshot_taken_before_that_time()
    {
        await GivenEventsAsync(25);
        await TamperAsync(10, s => s with { Total = 1000 });
        Reads.Clear();

        var thing = await Host.LoadAsync(Id, AsOf.AtTime(TimeOf(15)));

        Assert.Equal(15, thing.Version);
        Assert.Equal(1000 + TotalAfter(15) - TotalAfter(10), thing.State.Total);
        Assert.Equal(11, Assert.Single(Reads.Reads).From);
    }

    [Fact]
    public async Task An_aggregate_restored_from_a_snapshot_takes_further_commands()
    {
        await GivenEventsAsync(20);

        var result = await Host.CountAsync(Id, 100);

        Assert.Equal(TotalAfter(20) + 100, result.Total);
        Assert.Equal(21, (await Host.LoadAsync(Id)).Version);
        Assert.Equal(21, (await Host.StreamAsync(Id))[^1].Event.AggregateSequenceNumber);
    }
}

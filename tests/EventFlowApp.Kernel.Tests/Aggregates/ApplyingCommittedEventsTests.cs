using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Tests.Domain;

namespace EventFlowApp.Kernel.Tests.Aggregates;

public sealed class ApplyingCommittedEventsTests
{
    private static readonly DateTimeOffset At = new(2025, 2, 3, 4, 5, 6, TimeSpan.Zero);

    private readonly Thing _thing = new(ThingId.New);

    private IAggregateRoot Root => _thing;

    [Fact]
    public void Committed_events_fold_into_the_state_without_being_recorded_again()
    {
        Root.ApplyCommitted(new ThingCreated("lamp"), 1, At);
        Root.ApplyCommitted(new ThingCounted(2), 2, At.AddMinutes(1));

        Assert.Equal(2, _thing.Version);
        Assert.Equal(2, _thing.State.Total);
        Assert.Empty(_thing.UncommittedEvents);
        Assert.Equal(At.AddMinutes(1), _thing.LastEventTimestamp);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    [InlineData(0)]
    public void A_sequence_number_other_than_the_next_throws_and_changes_nothing(long sequenceNumber)
    {
        Root.ApplyCommitted(new ThingCreated("lamp"), 1, At);

        var error = Assert.Throws<InvalidOperationException>(() => Root.ApplyCommitted(new ThingCounted(5), sequenceNumber, At));

        Assert.Contains("expected event 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(_thing.Id.Value, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _thing.Version);
        Assert.Equal(0, _thing.State.Total);
    }

    [Fact]
    public void MarkCommitted_clears_the_pending_events_and_keeps_the_version()
    {
        _thing.Create("lamp");
        _thing.Count(1);

        Root.MarkCommitted(At);

        Assert.Empty(_thing.UncommittedEvents);
        Assert.Equal(2, _thing.Version);
        Assert.Equal(At, _thing.LastEventTimestamp);
    }

    [Fact]
    public void A_new_aggregate_has_version_zero_and_the_empty_state()
    {
        Assert.True(_thing.IsNew);
        Assert.Equal(0, _thing.Version);
        Assert.Equal(new ThingState(), _thing.State);
        Assert.Null(_thing.LastEventTimestamp);
        Assert.Equal("Thing", _thing.Name);
    }

    [Fact]
    public void A_snapshot_cannot_be_restored_into_an_aggregate_that_has_events()
    {
        Root.ApplyCommitted(new ThingCreated("lamp"), 1, At);

        Assert.Throws<InvalidOperationException>(() => ((ISnapshotable)_thing).RestoreState(new ThingState(), 10, At));
    }

    [Fact]
    public void The_state_fold_is_pure()
    {
        var before = new ThingState { Name = "lamp", Total = 1 };

        var after = before.Apply(new ThingCounted(2));

        Assert.Equal(1, before.Total);
        Assert.Equal(3, after.Total);
        Assert.Equal(after, before.Apply(new ThingCounted(2)));
    }
}

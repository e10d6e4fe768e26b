using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.Aggregates;

/// <summary>Emit folds through the state and records the event with the next sequence number.</summary>
public sealed class EmittingEventsSpec : ThingSpec
{
    [Fact]
    public void Each_emitted_event_is_folded_into_the_state_at_once()
    {
        Given(new ThingCreated("lamp"));
        When(t =>
        {
            t.Count(3);
            Assert.Equal(3, t.State.Total); // the second decision sees the first event
            t.Count(4);
        });
        Then(new ThingCounted(3), new ThingCounted(4));
        Assert.Equal(7, Thing.State.Total);
        Assert.Equal(2, Thing.State.Counts);
    }

    [Fact]
    public void Emitted_events_get_consecutive_sequence_numbers_after_the_history()
    {
        Given(new ThingCreated("lamp"), new ThingCounted(1));
        When(t =>
        {
            t.Count(2);
            t.Rename("desk lamp");
        });
        Assert.Equal([3L, 4L], Thing.UncommittedEvents.Select(p => p.AggregateSequenceNumber));
        Assert.Equal(4, Thing.Version);
    }

    [Fact]
    public void The_emitters_metadata_is_kept_with_the_pending_event()
    {
        var metadata = Metadata.Empty.With("reason", "stock-take");
        Given(new ThingCreated("lamp"));
        When(t => t.Count(5, metadata));
        Assert.Equal("stock-take", Thing.UncommittedEvents.Single().Metadata["reason"]);
    }

    [Fact]
    public void An_event_the_state_ignores_is_still_recorded_and_counted_in_the_version()
    {
        Given(new ThingCreated("lamp"));
        var before = Thing.State;
        When(t => t.Poke());
        Then(new ThingPoked());
        Assert.Same(before, Thing.State);
        Assert.Equal(2, Thing.Version);
    }

    [Fact]
    public void A_rename_records_the_previous_name_from_the_state()
    {
        Given(new ThingCreated("lamp"));
        When(t => t.Rename("desk lamp"));
        Then(new ThingRenamed("desk lamp", "lamp"));
    }

    [Fact]
    public void A_broken_rule_emits_nothing_and_leaves_the_state_alone()
    {
        Given(new ThingCreated("lamp"));
        When(t => t.Rename(" "));
        ThenError("thing.name-empty");
        Assert.Equal(1, Thing.Version);
        Assert.Equal("lamp", Thing.State.Name);
    }
}

using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Storage.Tests.Domain;

namespace EventFlowApp.Storage.Tests.Suite;

public abstract partial class EventStoreConformanceSuite
{
    [Fact]
    public async Task Append_and_load_round_trips_payload_and_metadata()
    {
        var id = NoteId.New;
        var command = new WriteNote(id, "first") { SourceId = "src-1", CorrelationId = "corr-1", CausationId = "cause-1", UserId = "alice", Metadata = Metadata.Empty.With("tenant", "acme") };
        await Bus.PublishAsync(command, Ct);
        await WriteAsync(id, "second");

        var events = await Events.LoadEventsAsync<Note, NoteId>(id, Ct);

        Assert.Equal(2, events.Count);
        var first = Assert.IsAssignableFrom<IDomainEvent<Note, NoteId, NoteWritten>>(events[0]);
        Assert.Equal(new NoteWritten("first", 5), first.AggregateEvent);
        Assert.Equal(id, first.AggregateIdentity);
        Assert.Equal(1, first.AggregateSequenceNumber);
        Assert.True(first.GlobalSequenceNumber > 0);
        Assert.True(events[1].GlobalSequenceNumber > first.GlobalSequenceNumber);
        Assert.Equal(DeterministicGuid.Create(DeterministicGuid.EventIdNamespace, $"{id.Value}-v1"), first.EventId);
        Assert.Equal(Start, first.Timestamp);
        Assert.Equal("src-1", first.Metadata.SourceId);
        Assert.Equal("corr-1", first.Metadata.CorrelationId);
        Assert.Equal("cause-1", first.Metadata.CausationId);
        Assert.Equal("alice", first.Metadata.UserId);
        Assert.Equal("acme", first.Metadata["tenant"]);
        Assert.Equal("NoteWritten", first.Metadata.EventName);
        Assert.Equal(2, first.Metadata.EventVersion);
        Assert.Equal("Note", first.Metadata.AggregateName);
        Assert.Equal(events[1].Metadata.SourceId, events[1].Metadata.CorrelationId);
        Assert.Equal(["first", "second"], (await LoadAsync(id)).State.Lines);
    }

    [Fact]
    public async Task Load_as_of_a_version_or_a_time_gives_the_earlier_state()
    {
        var id = NoteId.New;
        await WriteAsync(id, "a");
        Clock.Advance(TimeSpan.FromHours(1));
        await WriteAsync(id, "b");
        Clock.Advance(TimeSpan.FromHours(1));
        await WriteAsync(id, "c");

        var atTwo = await Aggregates.LoadAsync<Note, NoteId>(id, AsOf.AtVersion(2), Ct);
        var atNinety = await Aggregates.LoadAsync<Note, NoteId>(id, AsOf.AtTime(Start.AddMinutes(90)), Ct);
        var exactlyAtB = await Aggregates.LoadAsync<Note, NoteId>(id, AsOf.AtTime(Start.AddHours(1)), Ct);
        var before = await Aggregates.LoadAsync<Note, NoteId>(id, AsOf.AtTime(Start.AddSeconds(-1)), Ct);

        Assert.Equal(["a", "b"], atTwo.State.Lines);
        Assert.Equal(2, atTwo.Version);
        Assert.Equal(["a", "b"], atNinety.State.Lines);
        Assert.Equal(["a", "b"], exactlyAtB.State.Lines);
        Assert.True(before.IsNew);
        Assert.Equal(["a", "b", "c"], (await LoadAsync(id)).State.Lines);
    }

    [Fact]
    public async Task Timestamps_keep_microseconds_exactly()
    {
        Clock.SetUtcNow(Start.AddTicks(1_234_567));
        var id = NoteId.New;
        await WriteAsync(id, "x");

        var stored = (await AllEventsAsync()).Single();
        var loaded = (await Events.LoadEventsAsync<Note, NoteId>(id, Ct)).Single();

        var expected = Start.AddTicks(1_234_560);
        Assert.Equal(expected.UtcDateTime, stored.Event.TimestampUtc);
        Assert.Equal(DateTimeKind.Utc, stored.Event.TimestampUtc.Kind);
        Assert.Equal(expected, loaded.Timestamp);
    }

    [Fact]
    public async Task Events_of_many_aggregates_commit_in_one_transaction()
    {
        var notes = Enumerable.Range(0, 3).Select(_ => new Note(NoteId.New)).ToList();
        foreach (var note in notes)
        {
            note.Write("hello");
            note.Write("world");
        }

        var committed = await Aggregates.StoreAsync(notes, CommitContext.ForSource("import-1"), Ct);

        Assert.Equal(6, committed.Count);
        Assert.Equal(committed.Select(e => e.GlobalSequenceNumber).Order(), committed.Select(e => e.GlobalSequenceNumber));
        Assert.All(notes, n => Assert.Empty(n.UncommittedEvents));
        Assert.Equal(6, (await AllEventsAsync()).Count);
    }

    [Fact]
    public async Task A_batch_with_one_stale_stream_stores_nothing()
    {
        var existing = NoteId.New;
        await WriteAsync(existing, "one");
        var stale = await LoadAsync(existing);
        await WriteAsync(existing, "two");
        var fresh = new Note(NoteId.New);
        fresh.Write("new");
        stale.Write("late");
        var head = await Persistence.GetHeadPositionAsync(Ct);

        var error = await Assert.ThrowsAsync<OptimisticConcurrencyException>(
            () => Aggregates.StoreAsync([fresh, stale], CommitContext.ForSource("batch"), Ct));

        Assert.Contains(existing.Value, error.Message, StringComparison.Ordinal);
        Assert.Equal(head, await Persistence.GetHeadPositionAsync(Ct));
        Assert.True((await LoadAsync(fresh.Id)).IsNew);
    }

    [Fact]
    public async Task Unicode_and_large_payloads_round_trip()
    {
        var id = NoteId.New;
        const string unicode = "Grüße • 你好 • مرحبا • Ωμέγα • 🧾✓ \"quoted\" \\ back\nline\ttab \u0001";
        var large = string.Concat(Enumerable.Repeat("0123456789abcdef€", 64 * 1024));
        await WriteAsync(id, unicode);
        await WriteAsync(id, large);

        var note = await LoadAsync(id);

        Assert.Equal(unicode, note.State.Lines[0]);
        Assert.Equal(large, note.State.Lines[1]);
        Assert.Contains("你好", (await AllEventsAsync())[0].Event.Data, StringComparison.Ordinal);
    }
}

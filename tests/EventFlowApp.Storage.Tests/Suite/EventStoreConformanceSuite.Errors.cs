using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Storage.Tests.Domain;

namespace EventFlowApp.Storage.Tests.Suite;

public abstract partial class EventStoreConformanceSuite
{
    [Fact]
    public async Task An_unknown_event_name_gives_an_error_naming_the_event()
    {
        var id = NoteId.New;
        await CommitRawAsync(id, "NoSuchEvent", 1, "{}");

        var error = await Assert.ThrowsAsync<EventReadException>(() => LoadAsync(id));

        Assert.Contains("NoSuchEvent v1", error.Message, StringComparison.Ordinal);
        Assert.Contains("global position", error.Message, StringComparison.Ordinal);
        Assert.Equal("NoSuchEvent", error.EventName);
    }

    [Fact]
    public async Task Corrupt_event_data_gives_an_error_naming_the_event()
    {
        var id = NoteId.New;
        await CommitRawAsync(id, "NoteWritten", 2, "{\"text\": [unterminated");

        var error = await Assert.ThrowsAsync<EventReadException>(() => Events.LoadEventsAsync<Note, NoteId>(id, Ct));

        Assert.Contains("NoteWritten v2", error.Message, StringComparison.Ordinal);
        Assert.Contains(id.Value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_that_does_not_serialise_stores_nothing()
    {
        var note = new Note(NoteId.New);
        note.Write("fine");
        note.EmitUnserialisable();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Aggregates.StoreAsync([note], CommitContext.ForSource("bad"), Ct));

        Assert.Contains("NoteWithPayload", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Persistence.GetHeadPositionAsync(Ct));
    }

    [Fact]
    public async Task A_command_for_a_missing_aggregate_is_refused_and_stores_nothing()
    {
        var id = NoteId.New;

        var error = await Assert.ThrowsAsync<AggregateNotFoundException>(() => Bus.PublishAsync(new ArchiveNote(id), Ct));

        Assert.Contains(id.Value, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Persistence.GetHeadPositionAsync(Ct));
    }

    [Fact]
    public async Task A_broken_rule_stores_nothing_and_is_not_remembered()
    {
        var id = NoteId.New;
        await WriteAsync(id, "one");
        await Bus.PublishAsync(new ArchiveNote(id), Ct);

        var error = await Assert.ThrowsAsync<DomainError>(() => WriteAsync(id, "two", sourceId: "retry-me"));

        Assert.Equal("note_archived", error.Code);
        Assert.Equal(2, (await LoadAsync(id)).Version);
        Assert.Null(await Persistence.GetCommandAsync("retry-me", Ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData("note-123")]
    [InlineData("other-6f1c2b7e-3d4a-4b5c-9d8e-7f6a5b4c3d2e")]
    [InlineData("note-6F1C2B7E-3D4A-4B5C-9D8E-7F6A5B4C3D2E")]
    public void A_malformed_id_is_refused_with_the_expected_form(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => NoteId.With(value));
        Assert.Contains("note-<guid>", error.Message, StringComparison.Ordinal);
    }

    private Task CommitRawAsync(NoteId id, string eventName, int version, string data) =>
        Persistence.CommitAsync(
            new CommitBatch(
                [new StreamAppend("Note", id.Value, 0, [new SerializedEvent(Guid.NewGuid(), "Note", id.Value, 1, eventName, version, data, "{}", Start.UtcDateTime)])],
                null),
            Ct);
}

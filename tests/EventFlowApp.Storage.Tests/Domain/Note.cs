using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Storage.Tests.Domain;

public sealed class NoteId(string value) : Identity<NoteId>(value);

/// <summary>A small aggregate that exercises every storage path: plain events, big and unicode payloads, an upgraded event.</summary>
[AggregateName("Note")]
public sealed class Note(NoteId id) : AggregateRoot<Note, NoteId, NoteState>(id)
{
    public void Write(string text)
    {
        if (State.Archived)
        {
            throw new DomainError("note_archived", $"Note {Id} is archived.");
        }

        Emit(new NoteWritten(text, text.Length));
    }

    public void Archive() => Emit(new NoteArchived());

    public void EmitUnserialisable() => Emit(new NoteWithPayload(new SelfReferencing()));
}

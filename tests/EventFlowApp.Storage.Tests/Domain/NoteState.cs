using System.Collections.Immutable;
using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Snapshots;

namespace EventFlowApp.Storage.Tests.Domain;

[SnapshotVersion("NoteState", 1)]
public sealed record NoteState : IAggregateState<NoteState>
{
    public ImmutableList<string> Lines { get; init; } = [];

    public bool Archived { get; init; }

    public NoteState Apply(IAggregateEvent aggregateEvent) => aggregateEvent switch
    {
        NoteWritten e => this with { Lines = Lines.Add(e.Text) },
        NoteArchived => this with { Archived = true },
        _ => this,
    };
}

using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Snapshots;

namespace EventFlowApp.Kernel.Tests.Domain;

/// <summary>The pure fold of a <see cref="Thing"/>.</summary>
[SnapshotVersion("ThingState", 1)]
public sealed record ThingState : IAggregateState<ThingState>
{
    public string? Name { get; init; }

    public int Total { get; init; }

    public int Counts { get; init; }

    public int Renames { get; init; }

    public ThingState Apply(IAggregateEvent aggregateEvent) => aggregateEvent switch
    {
        ThingCreated e => this with { Name = e.Name },
        ThingCounted e => this with { Total = Total + e.By, Counts = Counts + 1 },
        ThingRenamed e => this with { Name = e.NewName, Renames = Renames + 1 },
        _ => this,
    };
}

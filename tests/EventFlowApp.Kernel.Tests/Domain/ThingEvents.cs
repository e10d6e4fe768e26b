using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.Tests.Domain;

[EventVersion("ThingCreated", 1)]
public sealed record ThingCreated(string Name) : IAggregateEvent<Thing, ThingId>;

[EventVersion("ThingCounted", 1)]
public sealed record ThingCounted(int By) : IAggregateEvent<Thing, ThingId>;

/// <summary>
/// Version 3 of an event first stored as "ThingLabelled" v1 { label }, then v2 { label, previous };
/// see <see cref="ThingLabelledV1ToV2"/> and <see cref="ThingLabelledV2ToThingRenamedV3"/>.
/// </summary>
[EventVersion("ThingRenamed", 3)]
public sealed record ThingRenamed(string NewName, string? PreviousName) : IAggregateEvent<Thing, ThingId>;

/// <summary>Registered, but the state ignores it.</summary>
[EventVersion("ThingPoked", 1)]
public sealed record ThingPoked : IAggregateEvent<Thing, ThingId>;

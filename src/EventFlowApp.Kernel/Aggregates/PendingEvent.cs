using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.Aggregates;

/// <summary>An event emitted but not yet committed, with the metadata its emitter added.</summary>
public sealed record PendingEvent(IAggregateEvent AggregateEvent, long AggregateSequenceNumber, Metadata Metadata);

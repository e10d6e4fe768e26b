namespace EventFlowApp.Kernel.EventStores;

/// <summary>One event as it is written to the store, before the store gives it a global sequence number.</summary>
public sealed record SerializedEvent(
    Guid EventId,
    string AggregateName,
    string AggregateId,
    long AggregateSequenceNumber,
    string EventName,
    int EventVersion,
    string Data,
    string Metadata,
    DateTime TimestampUtc);

/// <summary>One stored event, as read back.</summary>
public sealed record CommittedEvent(long GlobalSequenceNumber, SerializedEvent Event);

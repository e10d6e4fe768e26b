namespace EventFlowApp.Kernel.EventStores;

/// <summary>A stored event that cannot be turned back into its class: unknown name, bad JSON, failed upgrade.</summary>
public sealed class EventReadException(CommittedEvent stored, string reason, Exception? innerException = null)
    : Exception(
        $"Cannot read event {stored.Event.EventName} v{stored.Event.EventVersion} " +
        $"(aggregate {stored.Event.AggregateName} {stored.Event.AggregateId} #{stored.Event.AggregateSequenceNumber}, " +
        $"global position {stored.GlobalSequenceNumber}): {reason}",
        innerException)
{
    public string EventName { get; } = stored.Event.EventName;

    public int EventVersion { get; } = stored.Event.EventVersion;

    public long GlobalSequenceNumber { get; } = stored.GlobalSequenceNumber;
}

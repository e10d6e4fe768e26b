namespace EventFlowApp.Kernel.Events;

/// <summary>The keys the kernel writes into every event's metadata.</summary>
public static class MetadataKeys
{
    public const string EventId = "event_id";
    public const string EventName = "event_name";
    public const string EventVersion = "event_version";
    public const string AggregateName = "aggregate_name";
    public const string AggregateId = "aggregate_id";
    public const string AggregateSequenceNumber = "aggregate_sequence_number";
    public const string GlobalSequenceNumber = "global_sequence_number";
    public const string Timestamp = "timestamp";
    public const string SourceId = "source_id";
    public const string CorrelationId = "correlation_id";
    public const string CausationId = "causation_id";
    public const string UserId = "user_id";
}

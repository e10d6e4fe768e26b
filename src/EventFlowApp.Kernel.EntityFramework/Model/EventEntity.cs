namespace EventFlowApp.Kernel.EntityFramework.Model;

/// <summary>A row of the append-only events table. No code path updates or deletes one.</summary>
public sealed class EventEntity
{
    public long GlobalSequenceNumber { get; set; }

    public Guid EventId { get; set; }

    public string AggregateName { get; set; } = "";

    public string AggregateId { get; set; } = "";

    public long AggregateSequenceNumber { get; set; }

    public string EventName { get; set; } = "";

    public int EventVersion { get; set; }

    public string Data { get; set; } = "";

    public string Metadata { get; set; } = "";

    public DateTime Timestamp { get; set; }
}

namespace EventFlowApp.Kernel.EntityFramework.Model;

public sealed class SnapshotEntity
{
    public string AggregateId { get; set; } = "";

    public long AggregateSequenceNumber { get; set; }

    public string AggregateName { get; set; } = "";

    public string SnapshotName { get; set; } = "";

    public int SnapshotVersion { get; set; }

    public string Data { get; set; } = "";

    public DateTime LastEventTimestamp { get; set; }

    public DateTime TakenAt { get; set; }
}

namespace EventFlowApp.Kernel.Snapshots;

/// <summary>A serialised aggregate state taken after event <see cref="AggregateSequenceNumber"/>.</summary>
public sealed record StoredSnapshot(
    string AggregateName,
    string AggregateId,
    long AggregateSequenceNumber,
    string SnapshotName,
    int SnapshotVersion,
    string Data,
    DateTime LastEventTimestampUtc,
    DateTime TakenAtUtc);

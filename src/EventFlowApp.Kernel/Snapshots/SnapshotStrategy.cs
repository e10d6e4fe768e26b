namespace EventFlowApp.Kernel.Snapshots;

/// <summary>When to take a snapshot of an aggregate type.</summary>
public sealed record SnapshotStrategy(Type AggregateType, int EveryNEvents)
{
    /// <summary>True when a commit that moved the aggregate from <paramref name="before"/> to <paramref name="after"/> crossed a multiple of N.</summary>
    public bool ShouldTake(long before, long after) => EveryNEvents > 0 && after / EveryNEvents > before / EveryNEvents;
}

using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Ledger.ReadModels;

/// <summary>
/// The recorded axis of the bitemporal read models: where and when an event was stored. Kept on every
/// row a report filters by "as known at", beside the effective date that bookkeeping filters by.
/// </summary>
public static class Recorded
{
    public static long Position(IDomainEvent domainEvent) => domainEvent.GlobalSequenceNumber;

    /// <summary>UTC, as a <see cref="DateTime"/> because read-model columns hold no offsets.</summary>
    public static DateTime Time(IDomainEvent domainEvent) => domainEvent.Timestamp.UtcDateTime;
}

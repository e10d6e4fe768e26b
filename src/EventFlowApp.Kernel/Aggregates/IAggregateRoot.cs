using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.Aggregates;

public interface IAggregateRoot
{
    /// <summary>The stable stored name (<see cref="AggregateNameAttribute"/>).</summary>
    string Name { get; }

    /// <summary>The sequence number of the last event applied, committed or not; 0 for a new aggregate.</summary>
    long Version { get; }

    bool IsNew { get; }

    IIdentity GetIdentity();

    IReadOnlyList<PendingEvent> UncommittedEvents { get; }

    /// <summary>Folds a committed event into the state (loading, replay); never records it again.</summary>
    void ApplyCommitted(IAggregateEvent aggregateEvent, long sequenceNumber, DateTimeOffset timestamp);

    void MarkCommitted(DateTimeOffset timestamp);

    /// <summary>Undoes the last committed event by folding its inverse; the version goes back by one.</summary>
    void RevertCommitted(IAggregateEvent inverse, long sequenceNumber, DateTimeOffset? previousTimestamp);
}

public interface IAggregateRoot<out TIdentity> : IAggregateRoot
    where TIdentity : IIdentity
{
    TIdentity Id { get; }
}

using System.Reflection;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.Aggregates;

/// <summary>
/// Base of every aggregate. Methods validate and then <see cref="Emit"/>; the state is folded by
/// <typeparamref name="TState"/> only, so loading, replaying and emitting share one code path.
/// </summary>
public abstract class AggregateRoot<TAggregate, TIdentity, TState> : IAggregateRoot<TIdentity>, ISnapshotable
    where TAggregate : AggregateRoot<TAggregate, TIdentity, TState>
    where TIdentity : IIdentity
    where TState : IAggregateState<TState>, new()
{
    private static readonly string StoredName = typeof(TAggregate).GetCustomAttribute<AggregateNameAttribute>()?.Name
        ?? throw new InvalidOperationException($"{typeof(TAggregate).FullName} needs [AggregateName(\"...\")].");

    private readonly List<PendingEvent> _uncommitted = [];

    protected AggregateRoot(TIdentity id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Id = id;
    }

    public TIdentity Id { get; }

    public string Name => StoredName;

    public long Version { get; private set; }

    public bool IsNew => Version == 0;

    public TState State { get; private set; } = new();

    /// <summary>The timestamp of the last committed event folded in; null for a new aggregate.</summary>
    public DateTimeOffset? LastEventTimestamp { get; private set; }

    public IReadOnlyList<PendingEvent> UncommittedEvents => _uncommitted;

    public IIdentity GetIdentity() => Id;

    protected void Emit(IAggregateEvent<TAggregate, TIdentity> aggregateEvent, Metadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(aggregateEvent);
        State = State.Apply(aggregateEvent);
        Version++;
        _uncommitted.Add(new PendingEvent(aggregateEvent, Version, metadata ?? Metadata.Empty));
    }

    void IAggregateRoot.ApplyCommitted(IAggregateEvent aggregateEvent, long sequenceNumber, DateTimeOffset timestamp)
    {
        if (sequenceNumber != Version + 1)
        {
            throw new InvalidOperationException(
                $"{Name} {Id}: expected event {Version + 1} but got {sequenceNumber}; the stream has a gap.");
        }

        State = State.Apply(aggregateEvent);
        Version = sequenceNumber;
        LastEventTimestamp = timestamp;
    }

    void IAggregateRoot.RevertCommitted(IAggregateEvent inverse, long sequenceNumber, DateTimeOffset? previousTimestamp)
    {
        if (sequenceNumber != Version || _uncommitted.Count > 0)
        {
            throw new InvalidOperationException($"{Name} {Id}: only the last committed event ({Version}) can be reverted, not {sequenceNumber}.");
        }

        State = State.Apply(inverse);
        Version = sequenceNumber - 1;
        LastEventTimestamp = previousTimestamp;
    }

    void IAggregateRoot.MarkCommitted(DateTimeOffset timestamp)
    {
        if (_uncommitted.Count > 0)
        {
            LastEventTimestamp = timestamp;
        }

        _uncommitted.Clear();
    }

    Type ISnapshotable.StateType => typeof(TState);

    object ISnapshotable.GetState() => State;

    /// <summary>Starts from a snapshot instead of event 1.</summary>
    void ISnapshotable.RestoreState(object state, long version, DateTimeOffset lastEventTimestamp)
    {
        if (!IsNew || _uncommitted.Count > 0)
        {
            throw new InvalidOperationException($"{this}: a snapshot can only be restored into an empty aggregate.");
        }

        State = (TState)state;
        Version = version;
        LastEventTimestamp = lastEventTimestamp;
    }

    public override string ToString() => $"{Name} {Id} v{Version}";
}

namespace EventFlowApp.Kernel.Aggregates;

/// <summary>What the snapshot machinery needs from an aggregate; implemented by <see cref="AggregateRoot{TAggregate,TIdentity,TState}"/>.</summary>
public interface ISnapshotable
{
    Type StateType { get; }

    object GetState();

    DateTimeOffset? LastEventTimestamp { get; }

    void RestoreState(object state, long version, DateTimeOffset lastEventTimestamp);
}

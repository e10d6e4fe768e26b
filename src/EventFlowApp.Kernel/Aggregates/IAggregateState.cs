using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.Aggregates;

/// <summary>
/// The pure state fold of an aggregate: an immutable value that returns the next state for an event.
/// Keeping it apart from the aggregate's decisions makes it replayable, snapshot-able and testable alone.
/// </summary>
public interface IAggregateState<out TState>
    where TState : IAggregateState<TState>
{
    /// <summary>The state after <paramref name="aggregateEvent"/>; events the state does not care about return it unchanged.</summary>
    TState Apply(IAggregateEvent aggregateEvent);
}

using System.Collections.Immutable;
using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.Sagas;

/// <summary>A deadline a saga asked for and that has been neither delivered nor cancelled.</summary>
public sealed record PendingTimeout(string TimeoutId, string Key, string Name, int Version, string Payload, DateTimeOffset DueAt);

/// <summary>
/// What a saga decided on one trigger (an event, identified by its id and global position, or a
/// timeout): the commands to send, the timeouts to request and cancel. Stored in the saga's stream
/// before any of it is sent, so a trigger delivered again finds it and sends it again instead of
/// deciding a second time.
/// </summary>
public sealed record SagaStep(
    string TriggerId,
    long? Position,
    IReadOnlyList<StoredCommand> Commands,
    IReadOnlyList<PendingTimeout> TimeoutsRequested,
    IReadOnlyList<string> TimeoutsCancelled,
    string? TimeoutDelivered);

public interface ISagaStepEvent : IAggregateEvent
{
    SagaStep Step { get; }
}

/// <summary>The kernel's event in every saga stream; stored as "SagaStep:&lt;saga name&gt;" v1.</summary>
public sealed record SagaStepRecorded<TSaga, TSagaId>(SagaStep Step) : IAggregateEvent<TSaga, TSagaId>, ISagaStepEvent
    where TSaga : IAggregateRoot<TSagaId>
    where TSagaId : IIdentity;

/// <summary>The fold of a saga: the saga's own state (<see cref="Data"/>) and the kernel's bookkeeping.</summary>
public sealed record SagaState<TState> : IAggregateState<SagaState<TState>>
    where TState : IAggregateState<TState>, new()
{
    public TState Data { get; init; } = new();

    /// <summary>The global position of the last event the saga handled: events at or before it are deliveries again.</summary>
    public long HandledUntil { get; init; }

    public ImmutableDictionary<string, PendingTimeout> Timeouts { get; init; } = ImmutableDictionary.Create<string, PendingTimeout>(StringComparer.Ordinal);

    public SagaState<TState> Apply(IAggregateEvent aggregateEvent) => aggregateEvent switch
    {
        ISagaStepEvent e => Apply(e.Step),
        _ => this with { Data = Data.Apply(aggregateEvent) },
    };

    private SagaState<TState> Apply(SagaStep step)
    {
        var timeouts = Timeouts.RemoveRange(step.TimeoutsCancelled);
        if (step.TimeoutDelivered is { } delivered)
        {
            timeouts = timeouts.Remove(delivered);
        }

        timeouts = timeouts.SetItems(step.TimeoutsRequested.Select(t => KeyValuePair.Create(t.TimeoutId, t)));
        return this with { Timeouts = timeouts, HandledUntil = Math.Max(HandledUntil, step.Position ?? 0) };
    }
}

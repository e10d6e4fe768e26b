using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Kernel.Sagas;

/// <summary>
/// Base of an event-sourced saga: an aggregate (its stream is its durable state) that reacts to events
/// of other aggregates and to its own timeouts. A handler emits the saga's events and decides with
/// <see cref="Publish"/>, <see cref="RequestTimeout{TTimeout}"/> and <see cref="CancelTimeout"/>; the
/// kernel stores everything decided in the saga's stream first and only then sends it.
/// Needs <c>[AggregateName]</c> (also the saga's stable name) and <c>[SagaLocator]</c>.
/// </summary>
public abstract class AggregateSaga<TSaga, TSagaId, TState> : AggregateRoot<TSaga, TSagaId, SagaState<TState>>, ISaga
    where TSaga : AggregateSaga<TSaga, TSagaId, TState>
    where TSagaId : IIdentity
    where TState : IAggregateState<TState>, new()
{
    private Decisions? _step;

    protected AggregateSaga(TSagaId id)
        : base(id)
    {
    }

    long ISaga.HandledUntil => State.HandledUntil;

    IReadOnlyDictionary<string, PendingTimeout> ISaga.Timeouts => State.Timeouts;

    /// <summary>Sends the command once the saga's events of this step are stored; its source id is set by the kernel.</summary>
    protected void Publish(ICommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Current().Commands.Add(command);
    }

    /// <summary>
    /// Asks for <paramref name="timeout"/> to be handed back at <paramref name="dueAt"/>. A pending timeout with
    /// the same <paramref name="key"/> is replaced. Returns nothing: the id is made when the step is stored.
    /// </summary>
    protected void RequestTimeout<TTimeout>(string key, TTimeout timeout, DateTimeOffset dueAt)
        where TTimeout : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(timeout);
        var step = Current();
        step.Requests.RemoveAll(r => r.Key == key);
        step.CancelledKeys.Add(key);
        step.Requests.Add((key, timeout, dueAt));
    }

    /// <summary>Cancels the pending timeout with this key, if any: it will not be delivered even if its job still runs.</summary>
    protected void CancelTimeout(string key)
    {
        var step = Current();
        step.Requests.RemoveAll(r => r.Key == key);
        step.CancelledKeys.Add(key);
    }

    /// <summary>Whether a timeout with this key is pending (counting this step's decisions).</summary>
    protected bool HasTimeout(string key) =>
        _step?.Requests.Exists(r => r.Key == key) == true ||
        (_step?.CancelledKeys.Contains(key) != true && State.Timeouts.Values.Any(t => t.Key == key));

    void ISaga.BeginStep(string triggerId, long? position, string? deliveredTimeout)
    {
        if (_step is not null)
        {
            throw new InvalidOperationException($"{this}: a step is already open.");
        }

        _step = new Decisions(triggerId, position, deliveredTimeout, UncommittedEvents.Count);
    }

    SagaStep? ISaga.EndStep(SagaStepWriter writer)
    {
        var step = _step ?? throw new InvalidOperationException($"{this}: no step is open.");
        _step = null;
        var sagaId = Id.Value;
        var commands = step.Commands
            .Select((c, i) => writer.Store(c.WithSourceId(SagaIds.Command(sagaId, step.TriggerId, i))))
            .ToList();
        var requested = step.Requests
            .Select((r, i) => writer.Timeout(SagaIds.Timeout(sagaId, step.TriggerId, i), r.Key, r.Timeout, r.DueAt))
            .ToList();
        var cancelled = State.Timeouts.Values
            .Where(t => step.CancelledKeys.Contains(t.Key) && t.TimeoutId != step.DeliveredTimeout)
            .Select(t => t.TimeoutId)
            .Order(StringComparer.Ordinal)
            .ToList();
        var emitted = UncommittedEvents.Count > step.EventsBefore;
        if (!emitted && commands.Count == 0 && requested.Count == 0 && cancelled.Count == 0 && step.DeliveredTimeout is null)
        {
            return null;
        }

        var recorded = new SagaStep(step.TriggerId, step.Position, commands, requested, cancelled, step.DeliveredTimeout);
        Emit(new SagaStepRecorded<TSaga, TSagaId>(recorded));
        return recorded;
    }

    private Decisions Current() =>
        _step ?? throw new InvalidOperationException($"{this}: publish and timeouts are only possible while the saga handles an event or a timeout.");

    private sealed class Decisions(string triggerId, long? position, string? deliveredTimeout, int eventsBefore)
    {
        public string TriggerId { get; } = triggerId;

        public long? Position { get; } = position;

        public string? DeliveredTimeout { get; } = deliveredTimeout;

        public int EventsBefore { get; } = eventsBefore;

        public List<ICommand> Commands { get; } = [];

        public List<(string Key, object Timeout, DateTimeOffset DueAt)> Requests { get; } = [];

        public HashSet<string> CancelledKeys { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>What the kernel needs of a saga besides being an aggregate.</summary>
public interface ISaga : IAggregateRoot
{
    long HandledUntil { get; }

    IReadOnlyDictionary<string, PendingTimeout> Timeouts { get; }

    void BeginStep(string triggerId, long? position, string? deliveredTimeout);

    /// <summary>Emits the step's record (when anything happened) and returns it; null when the trigger changed nothing.</summary>
    SagaStep? EndStep(SagaStepWriter writer);
}

using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.Sagas;

/// <summary>
/// The saga handles <typeparamref name="TEvent"/> when a saga with the located id exists already;
/// for any other id the event is ignored. The handler decides only (emit, publish, request or cancel
/// timeouts): what it decides is stored first and sent after, so it must not call the outside world.
/// </summary>
public interface ISagaHandles<TAggregate, TIdentity, in TEvent>
    where TAggregate : IAggregateRoot<TIdentity>
    where TIdentity : IIdentity
    where TEvent : IAggregateEvent<TAggregate, TIdentity>
{
    Task HandleAsync(IDomainEvent<TAggregate, TIdentity, TEvent> domainEvent, CancellationToken cancellationToken);
}

/// <summary>Like <see cref="ISagaHandles{TAggregate,TIdentity,TEvent}"/>, and the event also starts a new saga.</summary>
public interface ISagaIsStartedBy<TAggregate, TIdentity, in TEvent> : ISagaHandles<TAggregate, TIdentity, TEvent>
    where TAggregate : IAggregateRoot<TIdentity>
    where TIdentity : IIdentity
    where TEvent : IAggregateEvent<TAggregate, TIdentity>;

/// <summary>The saga is told that a deadline it requested has come (and was not cancelled).</summary>
public interface ISagaHandlesTimeout<in TTimeout>
    where TTimeout : class
{
    Task HandleTimeoutAsync(TTimeout timeout, CancellationToken cancellationToken);
}

/// <summary>The stable name of a timeout payload: it is stored in the saga's stream until delivered.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SagaTimeoutAttribute(string name, int version) : StoredNameAttribute(name, version);

using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.Subscribers;

/// <summary>
/// Runs in process right after the events were committed. The events are stored whether or not it
/// succeeds; its failure reaches the caller (see <see cref="SubscriberException"/>). For work that must
/// not be lost, use a tracked (asynchronous) subscriber instead.
/// </summary>
public interface ISubscribeSynchronousTo<TAggregate, TIdentity, in TEvent>
    where TAggregate : IAggregateRoot<TIdentity>
    where TIdentity : IIdentity
    where TEvent : IAggregateEvent<TAggregate, TIdentity>
{
    Task HandleAsync(IDomainEvent<TAggregate, TIdentity, TEvent> domainEvent, CancellationToken cancellationToken);
}

/// <summary>Gets every committed batch, whatever the event types.</summary>
public interface ISubscribeSynchronousToAll
{
    Task HandleAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken);
}

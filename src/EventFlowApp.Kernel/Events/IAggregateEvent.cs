using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Kernel.Events;

/// <summary>Marker for the payload of an event: what happened, in domain terms.</summary>
public interface IAggregateEvent;

/// <summary>An event emitted by <typeparamref name="TAggregate"/>; carries <c>[EventVersion]</c>.</summary>
public interface IAggregateEvent<TAggregate, TIdentity> : IAggregateEvent
    where TAggregate : IAggregateRoot<TIdentity>
    where TIdentity : IIdentity;

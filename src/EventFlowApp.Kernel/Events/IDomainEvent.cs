using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Kernel.Events;

/// <summary>A committed event: the payload with its metadata and its place in the stream and in the store.</summary>
public interface IDomainEvent
{
    Type AggregateType { get; }

    Type IdentityType { get; }

    Type EventType { get; }

    Guid EventId { get; }

    long AggregateSequenceNumber { get; }

    long GlobalSequenceNumber { get; }

    DateTimeOffset Timestamp { get; }

    Metadata Metadata { get; }

    IIdentity GetIdentity();

    IAggregateEvent GetAggregateEvent();
}

public interface IDomainEvent<TAggregate, TIdentity> : IDomainEvent
    where TAggregate : IAggregateRoot<TIdentity>
    where TIdentity : IIdentity
{
    TIdentity AggregateIdentity { get; }
}

public interface IDomainEvent<TAggregate, TIdentity, out TEvent> : IDomainEvent<TAggregate, TIdentity>
    where TAggregate : IAggregateRoot<TIdentity>
    where TIdentity : IIdentity
    where TEvent : IAggregateEvent<TAggregate, TIdentity>
{
    TEvent AggregateEvent { get; }
}

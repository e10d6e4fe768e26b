using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Kernel.Events;

public sealed class DomainEvent<TAggregate, TIdentity, TEvent> : IDomainEvent<TAggregate, TIdentity, TEvent>
    where TAggregate : IAggregateRoot<TIdentity>
    where TIdentity : IIdentity
    where TEvent : IAggregateEvent<TAggregate, TIdentity>
{
    public DomainEvent(TEvent aggregateEvent, Metadata metadata, TIdentity aggregateIdentity)
    {
        AggregateEvent = aggregateEvent;
        Metadata = metadata;
        AggregateIdentity = aggregateIdentity;
    }

    public Type AggregateType => typeof(TAggregate);

    public Type IdentityType => typeof(TIdentity);

    public Type EventType => typeof(TEvent);

    public TEvent AggregateEvent { get; }

    public TIdentity AggregateIdentity { get; }

    public Metadata Metadata { get; }

    public Guid EventId => Metadata.EventId;

    public long AggregateSequenceNumber => Metadata.AggregateSequenceNumber;

    public long GlobalSequenceNumber => Metadata.GlobalSequenceNumber;

    public DateTimeOffset Timestamp => Metadata.Timestamp;

    public IIdentity GetIdentity() => AggregateIdentity;

    public IAggregateEvent GetAggregateEvent() => AggregateEvent;

    public override string ToString() =>
        $"{typeof(TAggregate).Name} v{AggregateSequenceNumber}/{typeof(TEvent).Name} @{GlobalSequenceNumber}";
}

using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.EventStores;

public sealed class EventStore : IEventStore
{
    private readonly IEventPersistence _persistence;
    private readonly EventSerializer _serializer;

    public EventStore(IEventPersistence persistence, EventSerializer serializer)
    {
        _persistence = persistence;
        _serializer = serializer;
    }

    public async Task<IReadOnlyList<IDomainEvent<TAggregate, TIdentity>>> LoadEventsAsync<TAggregate, TIdentity>(
        TIdentity id, CancellationToken cancellationToken, long fromSequenceNumber = 1, long toSequenceNumber = long.MaxValue)
        where TAggregate : IAggregateRoot<TIdentity>
        where TIdentity : IIdentity
    {
        var rows = await _persistence.LoadStreamAsync(id.Value, fromSequenceNumber, toSequenceNumber, cancellationToken);
        return rows.Select(r => (IDomainEvent<TAggregate, TIdentity>)_serializer.Deserialize(r)).ToList();
    }

    public async Task<DomainEventPage> LoadAllEventsAsync(long afterPosition, int maxCount, CancellationToken cancellationToken)
    {
        var page = await _persistence.LoadAllAsync(afterPosition, maxCount, cancellationToken);
        return new DomainEventPage(page.Events.Select(_serializer.Deserialize).ToList(), page.NextPosition);
    }
}

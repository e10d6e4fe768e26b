using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.EventStores;

/// <summary>Typed reading of the event store: one aggregate's stream, or everything in global order.</summary>
public interface IEventStore
{
    Task<IReadOnlyList<IDomainEvent<TAggregate, TIdentity>>> LoadEventsAsync<TAggregate, TIdentity>(
        TIdentity id, CancellationToken cancellationToken, long fromSequenceNumber = 1, long toSequenceNumber = long.MaxValue)
        where TAggregate : IAggregateRoot<TIdentity>
        where TIdentity : IIdentity;

    Task<DomainEventPage> LoadAllEventsAsync(long afterPosition, int maxCount, CancellationToken cancellationToken);
}

public sealed record DomainEventPage(IReadOnlyList<IDomainEvent> Events, long NextPosition);

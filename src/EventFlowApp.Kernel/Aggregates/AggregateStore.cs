using EventFlowApp.Kernel.Configuration;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Serialization;
using EventFlowApp.Kernel.Snapshots;
using EventFlowApp.Kernel.Subscribers;

namespace EventFlowApp.Kernel.Aggregates;

/// <summary>Loads aggregates (from a snapshot where one fits) and commits what they emitted.</summary>
public sealed partial class AggregateStore : IAggregateStore
{
    private readonly IEventPersistence _persistence;
    private readonly EventSerializer _serializer;
    private readonly SnapshotManager _snapshots;
    private readonly IDomainEventPublisher _publisher;
    private readonly IJsonSerializer _json;
    private readonly EventFlowAppOptions _options;

    public AggregateStore(
        IEventPersistence persistence,
        EventSerializer serializer,
        SnapshotManager snapshots,
        IDomainEventPublisher publisher,
        IJsonSerializer json,
        EventFlowAppOptions options)
    {
        _persistence = persistence;
        _serializer = serializer;
        _snapshots = snapshots;
        _publisher = publisher;
        _json = json;
        _options = options;
    }

    public Task<TAggregate> LoadAsync<TAggregate, TIdentity>(TIdentity id, CancellationToken cancellationToken)
        where TAggregate : IAggregateRoot<TIdentity>
        where TIdentity : IIdentity =>
        LoadCoreAsync<TAggregate, TIdentity>(id, long.MaxValue, null, cancellationToken);

    public Task<TAggregate> LoadAsync<TAggregate, TIdentity>(TIdentity id, AsOf asOf, CancellationToken cancellationToken)
        where TAggregate : IAggregateRoot<TIdentity>
        where TIdentity : IIdentity =>
        LoadCoreAsync<TAggregate, TIdentity>(id, asOf.Version ?? long.MaxValue, asOf.Timestamp, cancellationToken);

    public async Task<IReadOnlyList<IDomainEvent>> StoreAsync(
        IReadOnlyList<IAggregateRoot> aggregates, CommitContext context, CancellationToken cancellationToken) =>
        await CommitAsync(aggregates, context, null, cancellationToken);

    private async Task<TAggregate> LoadCoreAsync<TAggregate, TIdentity>(
        TIdentity id, long maxSequenceNumber, DateTimeOffset? notAfter, CancellationToken cancellationToken)
        where TAggregate : IAggregateRoot<TIdentity>
        where TIdentity : IIdentity
    {
        ArgumentNullException.ThrowIfNull(id);
        var aggregate = AggregateFactory.Create<TAggregate, TIdentity>(id);
        await _snapshots.TryRestoreAsync(aggregate, maxSequenceNumber, notAfter, cancellationToken);
        var rows = await _persistence.LoadStreamAsync(id.Value, aggregate.Version + 1, maxSequenceNumber, cancellationToken);
        foreach (var row in rows)
        {
            var timestamp = new DateTimeOffset(row.Event.TimestampUtc, TimeSpan.Zero);
            if (notAfter is { } limit && timestamp > limit)
            {
                break;
            }

            aggregate.ApplyCommitted(_serializer.DeserializePayload(row), row.Event.AggregateSequenceNumber, timestamp);
        }

        return aggregate;
    }

    private async Task<IReadOnlyList<IDomainEvent>> CommitAsync(
        IReadOnlyList<IAggregateRoot> aggregates, CommitContext context, CommandRecord? command, CancellationToken cancellationToken)
    {
        var timestamp = _serializer.Now();
        var streams = aggregates.Where(a => a.UncommittedEvents.Count > 0)
            .Select(a => _serializer.Serialize(a, context, timestamp))
            .ToList();
        if (streams.Count == 0 && command is null)
        {
            return [];
        }

        var committed = await _persistence.CommitAsync(new CommitBatch(streams, command), cancellationToken);
        var domainEvents = new List<IDomainEvent>(committed.Count);
        var index = 0;
        foreach (var aggregate in aggregates)
        {
            var before = aggregate.Version - aggregate.UncommittedEvents.Count;
            foreach (var pending in aggregate.UncommittedEvents)
            {
                domainEvents.Add(_serializer.ToDomainEvent(pending.AggregateEvent, committed[index++], aggregate.GetIdentity()));
            }

            aggregate.MarkCommitted(timestamp);
            await _snapshots.TakeIfDueAsync(aggregate, before, cancellationToken);
        }

        await _publisher.PublishAsync(domainEvents, cancellationToken);
        return domainEvents;
    }
}

using System.Globalization;
using System.Text.Json;
using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Serialization;
using EventFlowApp.Kernel.Upgraders;

namespace EventFlowApp.Kernel.EventStores;

/// <summary>Turns pending events into rows and stored rows back into typed domain events (upgrading on the way).</summary>
public sealed class EventSerializer
{
    private readonly EventDefinitionService _definitions;
    private readonly IJsonSerializer _json;
    private readonly EventUpgradeChain _upgraders;
    private readonly TimeProvider _time;

    public EventSerializer(EventDefinitionService definitions, IJsonSerializer json, EventUpgradeChain upgraders, TimeProvider time)
    {
        _definitions = definitions;
        _json = json;
        _upgraders = upgraders;
        _time = time;
    }

    /// <summary>
    /// Now, cut to whole microseconds: the finest unit every provider stores, so an event read back
    /// carries exactly the timestamp it was written with.
    /// </summary>
    public DateTimeOffset Now()
    {
        var now = _time.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
    }

    public StreamAppend Serialize(IAggregateRoot aggregate, CommitContext context, DateTimeOffset timestamp)
    {
        var pending = aggregate.UncommittedEvents;
        var id = aggregate.GetIdentity().Value;
        var rows = new SerializedEvent[pending.Count];
        for (var i = 0; i < pending.Count; i++)
        {
            rows[i] = Serialize(aggregate.Name, id, pending[i], context, timestamp);
        }

        return new StreamAppend(aggregate.Name, id, aggregate.Version - pending.Count, rows);
    }

    public SerializedEvent Serialize(string aggregateName, string aggregateId, PendingEvent pending, CommitContext context, DateTimeOffset timestamp)
    {
        var definition = _definitions.Get(pending.AggregateEvent.GetType());
        var eventId = DeterministicGuid.Create(DeterministicGuid.EventIdNamespace, $"{aggregateId}-v{pending.AggregateSequenceNumber}");
        string data;
        try
        {
            data = _json.Serialize(pending.AggregateEvent, definition.Type);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new InvalidOperationException($"Event {definition} of {aggregateName} {aggregateId} cannot be serialised: {e.Message}", e);
        }

        var metadata = context.Extra.With(pending.Metadata).With(
        [
            new(MetadataKeys.EventId, eventId.ToString("D")),
            new(MetadataKeys.EventName, definition.Name),
            new(MetadataKeys.EventVersion, definition.Version.ToString(CultureInfo.InvariantCulture)),
            new(MetadataKeys.AggregateName, aggregateName),
            new(MetadataKeys.AggregateId, aggregateId),
            new(MetadataKeys.AggregateSequenceNumber, pending.AggregateSequenceNumber.ToString(CultureInfo.InvariantCulture)),
            new(MetadataKeys.Timestamp, Metadata.FormatTimestamp(timestamp)),
            new(MetadataKeys.SourceId, context.SourceId),
            new(MetadataKeys.CorrelationId, context.CorrelationId),
            new(MetadataKeys.CausationId, context.CausationId),
        ]);
        if (context.UserId is not null)
        {
            metadata = metadata.With(MetadataKeys.UserId, context.UserId);
        }

        return new SerializedEvent(
            eventId, aggregateName, aggregateId, pending.AggregateSequenceNumber, definition.Name, definition.Version,
            data, SerializeMetadata(metadata), timestamp.UtcDateTime);
    }

    /// <summary>The payload only, for folding into an aggregate (no metadata parsing).</summary>
    public IAggregateEvent DeserializePayload(CommittedEvent stored)
    {
        var (definition, data) = Resolve(stored);
        try
        {
            return (IAggregateEvent)_json.Deserialize(data, definition.Type);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException)
        {
            throw new EventReadException(stored, e.Message, e);
        }
    }

    /// <summary>The domain event of a payload just committed, without parsing its data again.</summary>
    public IDomainEvent ToDomainEvent(IAggregateEvent aggregateEvent, CommittedEvent committed, Core.IIdentity identity) =>
        DomainEventFactory.Create(
            aggregateEvent,
            ReadMetadata(committed),
            identity);

    public IDomainEvent Deserialize(CommittedEvent stored)
    {
        var (definition, data) = Resolve(stored);
        try
        {
            var aggregateEvent = (IAggregateEvent)_json.Deserialize(data, definition.Type);
            var metadata = ReadMetadata(stored);
            var (_, identityType) = DomainEventFactory.GetAggregateTypes(definition.Type);
            var identity = IdentityFactory.Create(identityType, stored.Event.AggregateId);
            return DomainEventFactory.Create(aggregateEvent, metadata, identity);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException)
        {
            throw new EventReadException(stored, e.Message, e);
        }
    }

    private (EventDefinition Definition, string Data) Resolve(CommittedEvent stored)
    {
        var row = stored.Event;
        var name = row.EventName;
        var version = row.EventVersion;
        var data = row.Data;
        try
        {
            _upgraders.TryUpgrade(name, version, data, out name, out version, out data);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new EventReadException(stored, $"upgrading failed: {e.Message}", e);
        }

        if (!_definitions.TryGet(name, version, out var definition))
        {
            var reason = _definitions.HasName(name)
                ? $"no class is registered for version {version} of '{name}' and no upgrader leads to one"
                : $"no event named '{name}' is registered";
            throw new EventReadException(stored, reason);
        }

        return (definition, data);
    }

    private string SerializeMetadata(Metadata metadata) =>
        JsonSerializer.Serialize(metadata.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value), _json.Options);

    /// <summary>
    /// The stored metadata with the row's own columns laid over it: the columns are what the store
    /// guarantees (unique event id, sequence numbers, timestamp), while the JSON copy may be missing
    /// them (rows written by hand, by a migration, or by a provider that keeps them only as columns).
    /// </summary>
    private Metadata ReadMetadata(CommittedEvent stored)
    {
        var row = stored.Event;
        return DeserializeMetadata(row.Metadata).With(
        [
            new(MetadataKeys.EventId, row.EventId.ToString("D")),
            new(MetadataKeys.EventName, row.EventName),
            new(MetadataKeys.EventVersion, row.EventVersion.ToString(CultureInfo.InvariantCulture)),
            new(MetadataKeys.AggregateName, row.AggregateName),
            new(MetadataKeys.AggregateId, row.AggregateId),
            new(MetadataKeys.AggregateSequenceNumber, row.AggregateSequenceNumber.ToString(CultureInfo.InvariantCulture)),
            new(MetadataKeys.Timestamp, Metadata.FormatTimestamp(new DateTimeOffset(row.TimestampUtc, TimeSpan.Zero))),
            new(MetadataKeys.GlobalSequenceNumber, stored.GlobalSequenceNumber.ToString(CultureInfo.InvariantCulture)),
        ]);
    }

    private Metadata DeserializeMetadata(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, string>>(json, _json.Options) ?? []);
}

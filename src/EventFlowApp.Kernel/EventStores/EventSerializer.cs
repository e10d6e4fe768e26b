using System.Buffers;
using System.Globalization;
using System.Text;
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

        // One dictionary, written once: a large commit (an import) serialises tens of thousands of these.
        var metadata = new Dictionary<string, string>(context.Extra.Count + pending.Metadata.Count + 11, StringComparer.Ordinal);
        foreach (var (key, value) in context.Extra.Concat(pending.Metadata))
        {
            metadata[key] = value;
        }

        metadata[MetadataKeys.EventId] = eventId.ToString("D");
        metadata[MetadataKeys.EventName] = definition.Name;
        metadata[MetadataKeys.EventVersion] = definition.Version.ToString(CultureInfo.InvariantCulture);
        metadata[MetadataKeys.AggregateName] = aggregateName;
        metadata[MetadataKeys.AggregateId] = aggregateId;
        metadata[MetadataKeys.AggregateSequenceNumber] = pending.AggregateSequenceNumber.ToString(CultureInfo.InvariantCulture);
        metadata[MetadataKeys.Timestamp] = Metadata.FormatTimestamp(timestamp);
        metadata[MetadataKeys.SourceId] = context.SourceId;
        metadata[MetadataKeys.CorrelationId] = context.CorrelationId;
        metadata[MetadataKeys.CausationId] = context.CausationId;
        if (context.UserId is not null)
        {
            metadata[MetadataKeys.UserId] = context.UserId;
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

    /// <summary>A flat JSON object, keys in ordinal order (the same text a dictionary serialised with our options gives).</summary>
    private string SerializeMetadata(Dictionary<string, string> metadata)
    {
        var keys = metadata.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = _json.Options.Encoder }))
        {
            writer.WriteStartObject();
            foreach (var key in keys)
            {
                writer.WriteString(key, metadata[key]);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// The stored metadata with the row's own columns laid over it: the columns are what the store
    /// guarantees (unique event id, sequence numbers, timestamp), while the JSON copy may be missing
    /// them (rows written by hand, by a migration, or by a provider that keeps them only as columns).
    /// </summary>
    private Metadata ReadMetadata(CommittedEvent stored)
    {
        var row = stored.Event;
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Metadata, _json.Options) ?? [];
        values[MetadataKeys.EventId] = row.EventId.ToString("D");
        values[MetadataKeys.EventName] = row.EventName;
        values[MetadataKeys.EventVersion] = row.EventVersion.ToString(CultureInfo.InvariantCulture);
        values[MetadataKeys.AggregateName] = row.AggregateName;
        values[MetadataKeys.AggregateId] = row.AggregateId;
        values[MetadataKeys.AggregateSequenceNumber] = row.AggregateSequenceNumber.ToString(CultureInfo.InvariantCulture);
        values[MetadataKeys.Timestamp] = Metadata.FormatTimestamp(new DateTimeOffset(row.TimestampUtc, TimeSpan.Zero));
        values[MetadataKeys.GlobalSequenceNumber] = stored.GlobalSequenceNumber.ToString(CultureInfo.InvariantCulture);
        return Metadata.Own(values);
    }
}

using System.Collections;
using System.Globalization;

namespace EventFlowApp.Kernel.Events;

/// <summary>
/// Immutable key/value metadata of an event: the kernel's keys (<see cref="MetadataKeys"/>) plus any
/// free keys a command or handler adds. Ordinal keys; values are strings so they store as plain JSON.
/// </summary>
public sealed class Metadata : IReadOnlyDictionary<string, string>
{
    public static readonly Metadata Empty = new(new Dictionary<string, string>(StringComparer.Ordinal));

    private readonly Dictionary<string, string> _values;

    public Metadata(IEnumerable<KeyValuePair<string, string>> values)
    {
        _values = new Dictionary<string, string>(values, StringComparer.Ordinal);
    }

    private Metadata(Dictionary<string, string> values) => _values = values;

    /// <summary>Takes over a dictionary nobody else holds (ordinal keys), without copying it.</summary>
    internal static Metadata Own(Dictionary<string, string> values) =>
        values.Comparer == EqualityComparer<string>.Default || values.Comparer == StringComparer.Ordinal
            ? new Metadata(values)
            : new Metadata((IEnumerable<KeyValuePair<string, string>>)values);

    public Guid EventId => Guid.Parse(Get(MetadataKeys.EventId));

    public string EventName => Get(MetadataKeys.EventName);

    public int EventVersion => int.Parse(Get(MetadataKeys.EventVersion), CultureInfo.InvariantCulture);

    public string AggregateName => Get(MetadataKeys.AggregateName);

    public string AggregateId => Get(MetadataKeys.AggregateId);

    public long AggregateSequenceNumber => long.Parse(Get(MetadataKeys.AggregateSequenceNumber), CultureInfo.InvariantCulture);

    /// <summary>Given by the event store at commit; 0 on an event not yet committed.</summary>
    public long GlobalSequenceNumber =>
        TryGetValue(MetadataKeys.GlobalSequenceNumber, out var v) ? long.Parse(v, CultureInfo.InvariantCulture) : 0;

    public DateTimeOffset Timestamp =>
        DateTimeOffset.Parse(Get(MetadataKeys.Timestamp), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public string? SourceId => GetOrNull(MetadataKeys.SourceId);

    public string? CorrelationId => GetOrNull(MetadataKeys.CorrelationId);

    public string? CausationId => GetOrNull(MetadataKeys.CausationId);

    public string? UserId => GetOrNull(MetadataKeys.UserId);

    public int Count => _values.Count;

    public IEnumerable<string> Keys => _values.Keys;

    public IEnumerable<string> Values => _values.Values;

    public string this[string key] => _values[key];

    public Metadata With(string key, string value)
    {
        var copy = new Dictionary<string, string>(_values, StringComparer.Ordinal) { [key] = value };
        return new Metadata(copy);
    }

    public static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private string Get(string key) =>
        _values.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The event metadata has no '{key}'.");

    private string? GetOrNull(string key) => _values.TryGetValue(key, out var value) ? value : null;
}

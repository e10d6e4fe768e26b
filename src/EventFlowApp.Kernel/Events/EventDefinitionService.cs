using System.Reflection;

namespace EventFlowApp.Kernel.Events;

/// <summary>
/// The registry of event types by stored name and version. Filled at start-up and read-only after;
/// every event type must carry <see cref="EventVersionAttribute"/> so stored names never come from CLR names.
/// </summary>
public sealed class EventDefinitionService
{
    private readonly Dictionary<Type, EventDefinition> _byType = [];
    private readonly Dictionary<(string Name, int Version), EventDefinition> _byName = [];

    public IReadOnlyCollection<EventDefinition> All => _byType.Values;

    public void Register(Type eventType)
    {
        if (_byType.ContainsKey(eventType))
        {
            return;
        }

        var attribute = eventType.GetCustomAttribute<EventVersionAttribute>()
            ?? throw new ArgumentException(
                $"{eventType.FullName} has no [EventVersion(\"Name\", n)]; every stored event needs a stable name.",
                nameof(eventType));
        Register(eventType, attribute.Name, attribute.Version);
    }

    /// <summary>
    /// Registers an event type under a name given by the kernel rather than an attribute: a generic event
    /// closed per aggregate (a saga's step record) gets a name per aggregate this way.
    /// </summary>
    public void Register(Type eventType, string name, int version)
    {
        if (_byType.ContainsKey(eventType))
        {
            return;
        }

        if (!typeof(IAggregateEvent).IsAssignableFrom(eventType) || eventType.IsAbstract)
        {
            throw new ArgumentException($"{eventType.FullName} is not a concrete IAggregateEvent.", nameof(eventType));
        }

        var definition = new EventDefinition(eventType, name, version);
        if (_byName.TryGetValue((definition.Name, definition.Version), out var other))
        {
            throw new ArgumentException(
                $"{eventType.FullName} and {other.Type.FullName} both claim event {definition}.", nameof(eventType));
        }

        _byType.Add(eventType, definition);
        _byName.Add((definition.Name, definition.Version), definition);
    }

    public EventDefinition Get(Type eventType) =>
        _byType.TryGetValue(eventType, out var definition)
            ? definition
            : throw new InvalidOperationException(
                $"Event type {eventType.FullName} is not registered; add it with AddEvents or AddDefaults.");

    public bool TryGet(string name, int version, out EventDefinition definition) =>
        _byName.TryGetValue((name, version), out definition!);

    public bool HasName(string name) => _byName.Keys.Any(k => k.Name == name);
}

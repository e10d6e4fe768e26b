using System.Reflection;
using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Kernel.Events;

/// <summary>
/// The registry of event types by stored name and version. Filled at start-up and read-only after;
/// every event type must carry <see cref="EventVersionAttribute"/> so stored names never come from CLR names.
/// </summary>
public sealed class EventDefinitionService
{
    private readonly StoredNameRegistry<EventDefinition> _names = new("event");

    public IReadOnlyCollection<EventDefinition> All => _names.All;

    public void Register(Type eventType)
    {
        if (_names.Contains(eventType))
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
        if (_names.Contains(eventType))
        {
            return;
        }

        if (!typeof(IAggregateEvent).IsAssignableFrom(eventType) || eventType.IsAbstract)
        {
            throw new ArgumentException($"{eventType.FullName} is not a concrete IAggregateEvent.", nameof(eventType));
        }

        _names.Add(eventType, name, version, new EventDefinition(eventType, name, version));
    }

    public EventDefinition Get(Type eventType) =>
        _names.TryGet(eventType, out var definition)
            ? definition
            : throw new InvalidOperationException(
                $"Event type {eventType.FullName} is not registered; add it with AddEvents or AddDefaults.");

    public bool TryGet(string name, int version, out EventDefinition definition) =>
        _names.TryGet(name, version, out definition);

    public bool HasName(string name) => _names.HasName(name);
}

using System.Collections.Concurrent;
using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Kernel.Events;

/// <summary>Builds the typed <see cref="DomainEvent{TAggregate,TIdentity,TEvent}"/> for a payload known only at run time.</summary>
public static class DomainEventFactory
{
    private static readonly ConcurrentDictionary<Type, Func<IAggregateEvent, Metadata, IIdentity, IDomainEvent>> Factories = new();

    public static IDomainEvent Create(IAggregateEvent aggregateEvent, Metadata metadata, IIdentity identity) =>
        Factories.GetOrAdd(aggregateEvent.GetType(), Build)(aggregateEvent, metadata, identity);

    public static (Type Aggregate, Type Identity) GetAggregateTypes(Type eventType)
    {
        var contract = eventType.GetInterfaces().FirstOrDefault(i =>
            i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAggregateEvent<,>))
            ?? throw new InvalidOperationException(
                $"{eventType.Name} must implement IAggregateEvent<TAggregate, TIdentity>.");
        var args = contract.GetGenericArguments();
        return (args[0], args[1]);
    }

    private static Func<IAggregateEvent, Metadata, IIdentity, IDomainEvent> Build(Type eventType)
    {
        var (aggregate, identity) = GetAggregateTypes(eventType);
        var type = typeof(DomainEvent<,,>).MakeGenericType(aggregate, identity, eventType);
        return (e, m, id) => (IDomainEvent)Activator.CreateInstance(type, e, m, id)!;
    }
}

using System.Collections.Concurrent;
using System.Linq.Expressions;
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

        // A compiled constructor call: an import commits tens of thousands of events at once, and
        // Activator.CreateInstance with arguments binds by reflection on every call.
        var e = Expression.Parameter(typeof(IAggregateEvent), "e");
        var m = Expression.Parameter(typeof(Metadata), "m");
        var id = Expression.Parameter(typeof(IIdentity), "id");
        var create = Expression.New(
            type.GetConstructor([eventType, typeof(Metadata), identity])!,
            Expression.Convert(e, eventType),
            m,
            Expression.Convert(id, identity));
        return Expression.Lambda<Func<IAggregateEvent, Metadata, IIdentity, IDomainEvent>>(create, e, m, id).Compile();
    }
}

using System.Collections.Concurrent;
using System.Reflection;
using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Kernel.Aggregates;

/// <summary>Creates an empty aggregate from its id; aggregates need a constructor taking only the identity.</summary>
public static class AggregateFactory
{
    private static readonly ConcurrentDictionary<Type, ConstructorInfo> Constructors = new();

    public static TAggregate Create<TAggregate, TIdentity>(TIdentity id)
        where TAggregate : IAggregateRoot<TIdentity>
        where TIdentity : IIdentity
    {
        var ctor = Constructors.GetOrAdd(typeof(TAggregate), t =>
            t.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, [typeof(TIdentity)])
            ?? throw new InvalidOperationException($"{t.Name} needs a constructor that takes only its {typeof(TIdentity).Name}."));
        return (TAggregate)ctor.Invoke([id]);
    }

    public static string GetName(Type aggregateType) =>
        aggregateType.GetCustomAttribute<AggregateNameAttribute>()?.Name
        ?? throw new InvalidOperationException($"{aggregateType.FullName} needs [AggregateName(\"...\")].");
}

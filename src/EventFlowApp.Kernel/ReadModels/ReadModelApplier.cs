using System.Collections.Frozen;
using System.Linq.Expressions;
using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.ReadModels;

/// <summary>Calls <c>IAmReadModelFor&lt;,,&gt;.Apply</c> for an event known only at run time.</summary>
public delegate void ReadModelApplier(IReadModel readModel, IReadModelContext context, IDomainEvent domainEvent);

internal static class ReadModelApplierBuilder
{
    /// <summary>
    /// One compiled call per handled event type: a rebuild applies hundreds of thousands of events, and
    /// MethodInfo.Invoke would bind by reflection on each of them.
    /// </summary>
    public static FrozenDictionary<Type, ReadModelApplier> For(Type readModelType)
    {
        var appliers = new Dictionary<Type, ReadModelApplier>();
        foreach (var contract in readModelType.GetInterfaces()
                     .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAmReadModelFor<,,>)))
        {
            var args = contract.GetGenericArguments();
            var domainEventType = typeof(IDomainEvent<,,>).MakeGenericType(args);
            var model = Expression.Parameter(typeof(IReadModel), "model");
            var context = Expression.Parameter(typeof(IReadModelContext), "context");
            var domainEvent = Expression.Parameter(typeof(IDomainEvent), "domainEvent");
            var call = Expression.Call(
                Expression.Convert(model, contract),
                contract.GetMethod(nameof(IAmReadModelFor<,,>.Apply))!,
                context,
                Expression.Convert(domainEvent, domainEventType));
            appliers[args[2]] = Expression.Lambda<ReadModelApplier>(call, model, context, domainEvent).Compile();
        }

        return appliers.ToFrozenDictionary();
    }
}

using System.Collections.Frozen;
using System.Reflection;
using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.Sagas;

/// <summary>Everything the kernel needs to know about one saga type, read once from its attributes and interfaces.</summary>
public sealed class SagaDefinition
{
    private readonly FrozenDictionary<Type, MethodInfo> _eventHandlers;
    private readonly FrozenSet<Type> _starters;
    private readonly FrozenDictionary<Type, (SagaTimeoutAttribute Name, MethodInfo Handler)> _timeouts;
    private readonly FrozenDictionary<(string Name, int Version), Type> _timeoutsByName;

    private SagaDefinition(Type type, Type identityType, Type locatorType, FrozenDictionary<Type, MethodInfo> eventHandlers, FrozenSet<Type> starters,
        FrozenDictionary<Type, (SagaTimeoutAttribute Name, MethodInfo Handler)> timeouts)
    {
        Type = type;
        IdentityType = identityType;
        Name = AggregateFactory.GetName(type);
        LocatorType = locatorType;
        _eventHandlers = eventHandlers;
        _starters = starters;
        _timeouts = timeouts;
        _timeoutsByName = timeouts.ToFrozenDictionary(t => (t.Value.Name.Name, t.Value.Name.Version), t => t.Key);
    }

    public Type Type { get; }

    public Type IdentityType { get; }

    /// <summary>The saga's stable name: its <c>[AggregateName]</c>.</summary>
    public string Name { get; }

    public string ProcessorName => "saga:" + Name;

    public Type LocatorType { get; }

    /// <summary>The stored name of the saga's step records (<see cref="SagaStepRecorded{TSaga,TSagaId}"/>).</summary>
    public string StepEventName => "SagaStep:" + Name;

    public Type StepEventType => typeof(SagaStepRecorded<,>).MakeGenericType(Type, IdentityType);

    public IEnumerable<Type> EventTypes => _eventHandlers.Keys;

    public bool Handles(Type eventType) => _eventHandlers.ContainsKey(eventType);

    public bool IsStartedBy(Type eventType) => _starters.Contains(eventType);

    public (string Name, int Version) TimeoutName(Type timeoutType) =>
        _timeouts.TryGetValue(timeoutType, out var t)
            ? (t.Name.Name, t.Name.Version)
            : throw new InvalidOperationException($"Saga {Name} requested a {timeoutType.Name} timeout but does not implement ISagaHandlesTimeout<{timeoutType.Name}>.");

    public Type TimeoutType(string name, int version) =>
        _timeoutsByName.TryGetValue((name, version), out var type)
            ? type
            : throw new InvalidOperationException($"Saga {Name} handles no timeout named {name} v{version}.");

    public static bool IsSaga(Type type) => SagaBase(type) is not null;

    public static SagaDefinition For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var sagaBase = SagaBase(type) ?? throw new InvalidOperationException($"{type.Name} does not derive from AggregateSaga<,,>.");
        var locator = type.GetCustomAttribute<SagaLocatorAttribute>()?.LocatorType
            ?? throw new InvalidOperationException($"Saga {type.Name} needs [SagaLocator(typeof(...))].");
        if (!typeof(ISagaLocator).IsAssignableFrom(locator))
        {
            throw new InvalidOperationException($"{locator.Name}, the locator of {type.Name}, must implement ISagaLocator.");
        }

        var interfaces = type.GetInterfaces().Where(i => i.IsGenericType).ToList();
        var handlers = interfaces.Where(i => i.GetGenericTypeDefinition() == typeof(ISagaHandles<,,>))
            .ToFrozenDictionary(i => i.GetGenericArguments()[2], i => i.GetMethod("HandleAsync")!);
        var starters = interfaces.Where(i => i.GetGenericTypeDefinition() == typeof(ISagaIsStartedBy<,,>))
            .Select(i => i.GetGenericArguments()[2]).ToFrozenSet();
        if (starters.Count == 0)
        {
            throw new InvalidOperationException($"Saga {type.Name} implements no ISagaIsStartedBy<,,>, so it can never start.");
        }

        var timeouts = interfaces.Where(i => i.GetGenericTypeDefinition() == typeof(ISagaHandlesTimeout<>))
            .ToFrozenDictionary(i => i.GetGenericArguments()[0], i => (TimeoutAttribute(type, i.GetGenericArguments()[0]), i.GetMethod("HandleTimeoutAsync")!));
        return new SagaDefinition(type, sagaBase.GetGenericArguments()[1], locator, handlers, starters, timeouts);
    }

    public Task InvokeAsync(object saga, IDomainEvent domainEvent, CancellationToken cancellationToken) =>
        Invoke(_eventHandlers[domainEvent.EventType], saga, domainEvent, cancellationToken);

    public Task InvokeTimeoutAsync(object saga, object timeout, CancellationToken cancellationToken) =>
        Invoke(_timeouts[timeout.GetType()].Handler, saga, timeout, cancellationToken);

    private static SagaTimeoutAttribute TimeoutAttribute(Type saga, Type timeout) =>
        timeout.GetCustomAttribute<SagaTimeoutAttribute>()
        ?? throw new InvalidOperationException($"Timeout {timeout.Name} of saga {saga.Name} needs [SagaTimeout(\"name\", n)]: it is stored until delivered.");

    private static Type? SagaBase(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(AggregateSaga<,,>))
            {
                return type;
            }
        }

        return null;
    }

    private static Task Invoke(MethodInfo method, object saga, object argument, CancellationToken cancellationToken) =>
        (Task)method.InvokeDirect(saga, argument, cancellationToken)!;
}

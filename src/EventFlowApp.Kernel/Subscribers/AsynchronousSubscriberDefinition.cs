using System.Collections.Frozen;
using System.Reflection;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.Replay;

namespace EventFlowApp.Kernel.Subscribers;

/// <summary>What the kernel knows of one asynchronous subscriber class, read once from its attributes and interfaces.</summary>
public sealed class AsynchronousSubscriberDefinition
{
    private readonly FrozenDictionary<Type, MethodInfo> _handlers;

    private AsynchronousSubscriberDefinition(Type type, SubscriberNameAttribute name, FrozenDictionary<Type, MethodInfo> handlers)
    {
        Type = type;
        Name = name.Name;
        ErrorPolicy = name.ErrorPolicy;
        DisallowReplay = type.GetCustomAttribute<DisallowReplayAttribute>(inherit: true) is not null;
        _handlers = handlers;
    }

    public Type Type { get; }

    public string Name { get; }

    public string ProcessorName => "subscriber:" + Name;

    public ProcessorErrorPolicy ErrorPolicy { get; }

    public bool DisallowReplay { get; }

    public IEnumerable<Type> EventTypes => _handlers.Keys;

    public bool Handles(Type eventType) => _handlers.ContainsKey(eventType);

    public static IEnumerable<Type> Contracts(Type type) =>
        type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ISubscribeAsynchronousTo<,,>));

    public static AsynchronousSubscriberDefinition For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = type.GetCustomAttribute<SubscriberNameAttribute>()
            ?? throw new InvalidOperationException(
                $"Asynchronous subscriber {type.Name} needs [SubscriberName(\"...\")]: its checkpoint must not depend on the class name.");
        var handlers = Contracts(type).ToFrozenDictionary(i => i.GetGenericArguments()[2], i => i.GetMethod("HandleAsync")!);
        return handlers.Count > 0
            ? new AsynchronousSubscriberDefinition(type, name, handlers)
            : throw new InvalidOperationException($"{type.Name} implements no ISubscribeAsynchronousTo<,,>.");
    }

    public Task InvokeAsync(object subscriber, IDomainEvent domainEvent, CancellationToken cancellationToken) =>
        (Task)_handlers[domainEvent.EventType].InvokeDirect(subscriber, domainEvent, cancellationToken)!;
}

/// <summary>One registered asynchronous subscriber class (a closed generic per class, so registrations can be compared).</summary>
public interface IAsynchronousSubscription
{
    AsynchronousSubscriberDefinition Definition { get; }
}

public sealed class AsynchronousSubscription<TSubscriber> : IAsynchronousSubscription
    where TSubscriber : class
{
    private static readonly AsynchronousSubscriberDefinition Cached = AsynchronousSubscriberDefinition.For(typeof(TSubscriber));

    public AsynchronousSubscriberDefinition Definition => Cached;
}

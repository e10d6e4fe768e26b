using System.Collections.Concurrent;
using System.Reflection;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Subscribers;

/// <summary>Hands committed events to every synchronous subscriber; every one runs, then failures are thrown together.</summary>
public sealed class SynchronousDomainEventPublisher : IDomainEventPublisher
{
    private static readonly ConcurrentDictionary<Type, (Type Service, Func<object, IDomainEvent, CancellationToken, Task> Invoke)> Invokers = new();
    private readonly IServiceProvider _services;

    public SynchronousDomainEventPublisher(IServiceProvider services) => _services = services;

    public async Task PublishAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken)
    {
        if (domainEvents.Count == 0)
        {
            return;
        }

        var failures = new List<Exception>();
        foreach (var domainEvent in domainEvents)
        {
            var (service, invoke) = Invokers.GetOrAdd(domainEvent.EventType, BuildInvoker);
            foreach (var subscriber in Resolve(service, failures))
            {
                await RunAsync(() => invoke(subscriber!, domainEvent, cancellationToken), failures);
            }
        }

        foreach (var subscriber in Resolve(typeof(ISubscribeSynchronousToAll), failures).Cast<ISubscribeSynchronousToAll>())
        {
            await RunAsync(() => subscriber.HandleAsync(domainEvents, cancellationToken), failures);
        }

        if (failures.Count > 0)
        {
            throw new SubscriberException(domainEvents.Select(e => e.GlobalSequenceNumber).ToList(), failures);
        }
    }

    /// <summary>A subscriber that cannot be built (a missing dependency) fails like one that throws: reported, the others still run.</summary>
    private List<object> Resolve(Type service, List<Exception> failures)
    {
        try
        {
            return _services.GetServices(service).OfType<object>().ToList();
        }
        catch (InvalidOperationException e)
        {
            failures.Add(e);
            return [];
        }
    }

    private static async Task RunAsync(Func<Task> action, List<Exception> failures)
    {
        try
        {
            await action();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failures.Add(e);
        }
    }

    private static (Type, Func<object, IDomainEvent, CancellationToken, Task>) BuildInvoker(Type eventType)
    {
        var (aggregate, identity) = DomainEventFactory.GetAggregateTypes(eventType);
        var service = typeof(ISubscribeSynchronousTo<,,>).MakeGenericType(aggregate, identity, eventType);
        var method = service.GetMethod("HandleAsync")!;
        return (service, (subscriber, e, ct) => Invoke(method, subscriber, e, ct));
    }

    private static Task Invoke(MethodInfo method, object subscriber, IDomainEvent domainEvent, CancellationToken cancellationToken) =>
        (Task)method.InvokeDirect(subscriber, domainEvent, cancellationToken)!;
}

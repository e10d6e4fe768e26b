using System.Reflection;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.Queries;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.Snapshots;
using EventFlowApp.Kernel.Subscribers;
using EventFlowApp.Kernel.Upgraders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventFlowApp.Kernel.Configuration;

/// <summary>
/// Collects what the application registers: events, handlers, subscribers, upgraders, snapshot strategies,
/// sagas and job handlers (the last ones in EventFlowAppBuilder.Processing.cs).
/// <see cref="AddDefaults"/> scans an assembly and makes exactly the calls one would make by hand.
/// </summary>
public sealed partial class EventFlowAppBuilder
{
    private static readonly Type[] HandlerContracts =
    [
        typeof(ICommandHandler<,,,>),
        typeof(IQueryHandler<,>),
        typeof(ISubscribeSynchronousTo<,,>),
    ];

    internal EventFlowAppBuilder(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }

    internal List<Type> EventTypes { get; } = [];

    internal List<ReadModelDefinition> ReadModels { get; } = [];

    internal EventFlowAppOptions Options { get; } = new();

    public EventFlowAppBuilder Configure(Action<EventFlowAppOptions> configure)
    {
        configure(Options);
        return this;
    }

    public EventFlowAppBuilder AddEvents(params Type[] eventTypes)
    {
        EventTypes.AddRange(eventTypes);
        return this;
    }

    public EventFlowAppBuilder AddCommandHandler<THandler>() where THandler : class => AddHandler(typeof(THandler));

    public EventFlowAppBuilder AddQueryHandler<THandler>() where THandler : class => AddHandler(typeof(THandler));

    public EventFlowAppBuilder AddSubscriber<TSubscriber>() where TSubscriber : class => AddHandler(typeof(TSubscriber));

    public EventFlowAppBuilder AddUpgrader<TUpgrader>() where TUpgrader : class, IEventUpgrader
    {
        // TryAddEnumerable, as AddDefaults does: listing an upgrader it already found must not register it twice.
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IEventUpgrader, TUpgrader>());
        return this;
    }

    /// <summary>Registers a read model (and its locator); its live generation is kept up to date by a tracked processor.</summary>
    public EventFlowAppBuilder AddReadModel<TReadModel>() where TReadModel : class, IReadModel, new() => AddReadModel(typeof(TReadModel));

    public EventFlowAppBuilder AddReadModel(Type readModelType)
    {
        if (ReadModels.Any(d => d.Type == readModelType))
        {
            return this;
        }

        var definition = ReadModelDefinition.For(readModelType);
        ReadModels.Add(definition);
        Services.TryAddSingleton(definition.LocatorType);
        return this;
    }

    /// <summary>Runs the tracked processors of this node in the background (<see cref="TrackedProcessorHost"/>).</summary>
    public EventFlowAppBuilder RunProcessors(Action<TrackedProcessorHostOptions>? configure = null)
    {
        var options = new TrackedProcessorHostOptions();
        configure?.Invoke(options);
        Services.AddSingleton(options);
        Services.AddHostedService<TrackedProcessorHost>();
        return this;
    }

    /// <summary>Snapshot <typeparamref name="TAggregate"/> every <paramref name="everyNEvents"/> events.</summary>
    public EventFlowAppBuilder AddSnapshots<TAggregate>(int everyNEvents)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(everyNEvents, 1);
        if (Services.Any(d => d.ImplementationInstance is SnapshotStrategy s && s.AggregateType == typeof(TAggregate)))
        {
            throw new InvalidOperationException($"{typeof(TAggregate).Name} already has a snapshot strategy.");
        }

        Services.AddSingleton(new SnapshotStrategy(typeof(TAggregate), everyNEvents));
        return this;
    }

    /// <summary>Registers every event, command and query handler, subscriber, saga, job handler, read model and upgrader in the assembly.</summary>
    public EventFlowAppBuilder AddDefaults(Assembly assembly)
    {
        // Private nested types are implementation details of their owner (test doubles, say), never defaults.
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false, IsNestedPrivate: false }))
        {
            if (typeof(IAggregateEvent).IsAssignableFrom(type))
            {
                AddEvents(type);
            }
            else if (typeof(IReadModel).IsAssignableFrom(type) && type.IsDefined(typeof(ReadModelAttribute), inherit: false))
            {
                AddReadModel(type);
            }
            else if (typeof(IEventUpgrader).IsAssignableFrom(type))
            {
                Services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IEventUpgrader), type));
            }
            else if (Sagas.SagaDefinition.IsSaga(type))
            {
                AddSaga(type);
            }
            else
            {
                if (Contracts(type).Any() || AsynchronousContracts(type).Any())
                {
                    AddHandler(type);
                }

                if (JobContracts(type).Any())
                {
                    AddJobHandler(type);
                }
            }
        }

        return this;
    }

    internal static IEnumerable<Type> Contracts(Type type) =>
        type.GetInterfaces().Where(i =>
            i == typeof(ISubscribeSynchronousToAll) || (i.IsGenericType && HandlerContracts.Contains(i.GetGenericTypeDefinition())));

    private EventFlowAppBuilder AddHandler(Type type)
    {
        var contracts = Contracts(type).ToList();
        var asynchronous = AsynchronousContracts(type).Any();
        if (contracts.Count == 0 && !asynchronous)
        {
            throw new ArgumentException($"{type.Name} implements no command, query or subscriber contract.", nameof(type));
        }

        foreach (var contract in contracts)
        {
            Services.TryAddEnumerable(ServiceDescriptor.Transient(contract, type));
            if (contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(ICommandHandler<,,,>))
            {
                CommandTypes.Add(contract.GetGenericArguments()[3]);
            }
        }

        if (asynchronous)
        {
            AddAsynchronousSubscriber(type);
        }

        return this;
    }
}

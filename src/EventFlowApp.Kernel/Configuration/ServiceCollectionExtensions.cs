using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Configuration;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.Queries;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.ReadModels.InMemory;
using EventFlowApp.Kernel.Replay;
using EventFlowApp.Kernel.Serialization;
using EventFlowApp.Kernel.Snapshots;
using EventFlowApp.Kernel.Subscribers;
using EventFlowApp.Kernel.Upgraders;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

// In this namespace so that `services.AddEventFlowApp(...)` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

public static class EventFlowAppServiceCollectionExtensions
{
    /// <summary>
    /// Registers the kernel. Defaults (in-memory persistence, system clock, System.Text.Json) are added
    /// with TryAdd, so a storage provider or a test clock registered before or after replaces them.
    /// </summary>
    public static IServiceCollection AddEventFlowApp(this IServiceCollection services, Action<EventFlowAppBuilder> configure)
    {
        var builder = new EventFlowAppBuilder(services);
        configure(builder);
        builder.RegisterBackgroundServices();

        var definitions = new EventDefinitionService();
        foreach (var type in builder.EventTypes)
        {
            definitions.Register(type);
        }

        foreach (var (type, name, version) in builder.NamedEventTypes)
        {
            definitions.Register(type, name, version);
        }

        services.AddSingleton(definitions);
        services.AddSingleton(builder.Options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IJsonSerializer, SystemTextJsonSerializer>();
        services.TryAddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.TryAddSingleton(sp => new EventUpgradeChain(sp.GetServices<IEventUpgrader>()));
        services.TryAddSingleton<EventSerializer>();
        services.TryAddSingleton<IEventPersistence, InMemoryEventPersistence>();
        services.TryAddSingleton<ISnapshotPersistence, InMemorySnapshotPersistence>();
        services.TryAddScoped<SnapshotManager>();
        services.TryAddScoped<IEventStore, EventStore>();
        services.TryAddScoped<IDomainEventPublisher, SynchronousDomainEventPublisher>();
        services.TryAddScoped<IAggregateStore, AggregateStore>();
        services.TryAddSingleton<IUnitOfWork, CurrentUnitOfWork>();
        services.TryAddScoped<ICommandBus, CommandBus>();
        services.TryAddScoped<IQueryProcessor, QueryProcessor>();
        AddReadModels(services, builder);
        return services;
    }

    /// <summary>
    /// Read models and processors. The in-memory store is the default; a storage provider registers its
    /// own store for all three contracts before these TryAdds run.
    /// </summary>
    private static void AddReadModels(IServiceCollection services, EventFlowAppBuilder builder)
    {
        foreach (var definition in builder.ReadModels)
        {
            services.AddSingleton(definition);
        }

        services.TryAddSingleton<ReadModelRegistry>();
        services.TryAddSingleton<InMemoryReadModelStore>();
        services.TryAddSingleton<IReadModelStore>(sp => sp.GetRequiredService<InMemoryReadModelStore>());
        services.TryAddSingleton<IReadModelGenerationStore>(sp => sp.GetRequiredService<InMemoryReadModelStore>());
        services.TryAddSingleton<IProcessorStore>(sp => sp.GetRequiredService<InMemoryReadModelStore>());
        services.TryAddSingleton<IReplayContext, ReplayContext>();
        services.TryAddSingleton<TrackedProcessorOptions>();
        services.TryAddSingleton<TrackedProcessorRunner>();
        services.TryAddSingleton<ProcessorMonitor>();
        services.TryAddSingleton<ReadModelProcessorFactory>();
        services.TryAddSingleton<IReadModelPopulator, ReadModelPopulator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITrackedProcessorSource, LiveReadModelProcessorSource>());
    }
}

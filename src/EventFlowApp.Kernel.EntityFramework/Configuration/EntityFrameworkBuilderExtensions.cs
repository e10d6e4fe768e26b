using EventFlowApp.Kernel.Configuration;
using EventFlowApp.Kernel.EntityFramework.Configuration;
using EventFlowApp.Kernel.EntityFramework.Model;
using EventFlowApp.Kernel.EntityFramework.Persistence;
using EventFlowApp.Kernel.EntityFramework.ReadModels;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.Snapshots;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In this namespace so that `o.UseEntityFramework(...)` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

public static class EntityFrameworkBuilderExtensions
{
    /// <summary>
    /// Stores events, command records, snapshots, read models, generations and processor checkpoints in
    /// the given database. The read models are the <see cref="ReadModelDefinition"/>s registered in DI.
    /// </summary>
    public static EventFlowAppBuilder UseEntityFramework(this EventFlowAppBuilder builder, DatabaseOptions database)
    {
        var services = builder.Services;
        services.AddSingleton(database);
        services.AddPooledDbContextFactory<EventStoreDbContext>(o => EventStoreDbContextConfigurator.Configure(o, database));
        services.AddSingleton(EventStoreDbContextConfigurator.Dialect(database.Provider));
        services.AddSingleton<IEventPersistence, EfEventPersistence>();
        services.AddSingleton<ISnapshotPersistence, EfSnapshotPersistence>();
        services.AddSingleton<EventStoreMigrator>();
        AddReadModelStore(services, database);
        return builder;
    }

    private static void AddReadModelStore(IServiceCollection services, DatabaseOptions database)
    {
        services.TryAddSingleton(sp => new ReadModelCatalog(sp.GetServices<ReadModelDefinition>()));
        services.AddPooledDbContextFactory<ReadModelDbContext>(
            (sp, o) => EventStoreDbContextConfigurator.ConfigureReadModels(o, database, sp.GetRequiredService<ReadModelCatalog>()));
        services.AddSingleton<ReadModelMigrator>();
        services.AddSingleton<ConsistentReadModels>();

        // Plain Add, not TryAdd: these replace the kernel's in-memory defaults whichever is registered first.
        services.AddSingleton<EfReadModelStore>();
        services.AddSingleton<IReadModelStore>(sp => sp.GetRequiredService<EfReadModelStore>());
        services.AddSingleton<IReadModelGenerationStore>(sp => sp.GetRequiredService<EfReadModelStore>());
        services.AddSingleton<IProcessorStore>(sp => sp.GetRequiredService<EfReadModelStore>());
    }
}

using EventFlowApp.Kernel.Configuration;
using EventFlowApp.Kernel.EntityFramework.Configuration;
using EventFlowApp.Kernel.EntityFramework.Model;
using EventFlowApp.Kernel.EntityFramework.Persistence;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Snapshots;
using Microsoft.EntityFrameworkCore;

// In this namespace so that `o.UseEntityFramework(...)` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

public static class EntityFrameworkBuilderExtensions
{
    /// <summary>Stores events, command records and snapshots in the given database.</summary>
    public static EventFlowAppBuilder UseEntityFramework(this EventFlowAppBuilder builder, DatabaseOptions database)
    {
        var services = builder.Services;
        services.AddSingleton(database);
        services.AddPooledDbContextFactory<EventStoreDbContext>(o => EventStoreDbContextConfigurator.Configure(o, database));
        services.AddSingleton(EventStoreDbContextConfigurator.Dialect(database.Provider));
        services.AddSingleton<IEventPersistence, EfEventPersistence>();
        services.AddSingleton<ISnapshotPersistence, EfSnapshotPersistence>();
        services.AddSingleton<EventStoreMigrator>();
        return builder;
    }
}

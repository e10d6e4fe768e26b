using EventFlowApp.Kernel.Configuration;
using EventFlowApp.Kernel.EntityFramework.Configuration;
using EventFlowApp.Kernel.EntityFramework.Model;
using EventFlowApp.Kernel.EntityFramework.ReadModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Storage.Tests.Support;

/// <summary>A relational target: its own database, migrated by the same migrator the application uses.</summary>
public abstract class DatabaseTarget : IStorageTarget
{
    protected abstract DatabaseOptions Database { get; }

    public void Configure(EventFlowAppBuilder builder) => builder.UseEntityFramework(Database);

    public Task InitializeAsync(IServiceProvider services) =>
        services.GetRequiredService<EventStoreMigrator>().MigrateAsync(CancellationToken.None);

    public async Task InitializeWithReadModelsAsync(IServiceProvider services)
    {
        await services.GetRequiredService<EventStoreMigrator>().MigrateEventStoreAsync(CancellationToken.None);
        var contexts = services.GetRequiredService<IDbContextFactory<ReadModelDbContext>>();
        await using var context = await contexts.CreateDbContextAsync();
        await context.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
    }

    /// <summary>A second store object over the same database, sharing nothing in process but the connection pool.</summary>
    public object CreateSecondReadModelStore(IServiceProvider services) => ActivatorUtilities.CreateInstance<EfReadModelStore>(services);

    public async Task CreateGapAsync(IServiceProvider services, long size)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<EventStoreDbContext>>();
        await using var context = await contexts.CreateDbContextAsync();
        await context.Database.ExecuteSqlRawAsync(GapSql(size));
    }

    protected abstract string GapSql(long size);

    public abstract ValueTask DisposeAsync();
}

using EventFlowApp.Kernel.EntityFramework.Model;
using Microsoft.EntityFrameworkCore;

namespace EventFlowApp.Kernel.EntityFramework.Configuration;

/// <summary>
/// Applies the provider's migrations: the event store's, then the read models' (see
/// <see cref="ReadModelMigrator"/>). On SQLite it also switches the file to WAL so readers never block the writer.
/// </summary>
public sealed class EventStoreMigrator(IDbContextFactory<EventStoreDbContext> contexts, DatabaseOptions database, ReadModelMigrator readModels)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await MigrateEventStoreAsync(cancellationToken);
        await readModels.MigrateAsync(cancellationToken);
    }

    /// <summary>Only the event store's tables (a caller that creates the read-model tables its own way: the storage tests).</summary>
    public async Task MigrateEventStoreAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await context.Database.OpenConnectionAsync(cancellationToken);
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await context.Database.MigrateAsync(cancellationToken);
    }
}

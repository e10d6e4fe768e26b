using EventFlowApp.Kernel.EntityFramework.Model;
using Microsoft.EntityFrameworkCore;

namespace EventFlowApp.Kernel.EntityFramework.Configuration;

/// <summary>Applies the provider's migrations; on SQLite also switches the file to WAL so readers never block the writer.</summary>
public sealed class EventStoreMigrator(IDbContextFactory<EventStoreDbContext> contexts, DatabaseOptions database)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
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

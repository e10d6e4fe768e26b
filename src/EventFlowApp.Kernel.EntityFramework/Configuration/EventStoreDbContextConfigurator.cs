using EventFlowApp.Kernel.EntityFramework.Dialects;
using EventFlowApp.Kernel.EntityFramework.Model;
using EventFlowApp.Kernel.EntityFramework.ReadModels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EventFlowApp.Kernel.EntityFramework.Configuration;

/// <summary>Points a context at the chosen provider and that provider's migrations assembly.</summary>
public static class EventStoreDbContextConfigurator
{
    public static string MigrationsAssembly(DatabaseProvider provider) => $"EventFlowApp.Migrations.{provider}";

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions database) =>
        Configure(builder, database, HistoryRepository.DefaultTableName);

    /// <summary>
    /// The read-model context: same database and migrations assembly, its own migration history table.
    /// Its model follows the registered read models, so a host that registers more or fewer than the
    /// migrations know (tests, a plugin) gets a logged warning from Migrate, not a refusal.
    /// </summary>
    public static void ConfigureReadModels(DbContextOptionsBuilder builder, DatabaseOptions database, ReadModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Configure(builder, database, ReadModelTables.MigrationsHistory);
        builder.UseReadModels(catalog);
        builder.ConfigureWarnings(w => w.Log(RelationalEventId.PendingModelChangesWarning));
    }

    public static DbContextOptions<ReadModelDbContext> ReadModelOptions(DatabaseOptions database, ReadModelCatalog catalog)
    {
        var builder = new DbContextOptionsBuilder<ReadModelDbContext>();
        ConfigureReadModels(builder, database, catalog);
        return builder.Options;
    }

    private static void Configure(DbContextOptionsBuilder builder, DatabaseOptions database, string historyTable)
    {
        var migrations = MigrationsAssembly(database.Provider);
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(database.ConnectionString);
                builder.UseSqlite(database.ConnectionString, o => o.MigrationsAssembly(migrations).MigrationsHistoryTable(historyTable));
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(WithoutSessionReset(database.ConnectionString), o => o.MigrationsAssembly(migrations).MigrationsHistoryTable(historyTable));
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(database.ConnectionString, o => o.MigrationsAssembly(migrations).MigrationsHistoryTable(historyTable));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(database), database.Provider, "Unknown provider.");
        }
    }

    public static DbContextOptions<EventStoreDbContext> Options(DatabaseOptions database)
    {
        var builder = new DbContextOptionsBuilder<EventStoreDbContext>();
        Configure(builder, database);
        return builder.Options;
    }

    public static IEventStoreDialect Dialect(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteDialect(),
        DatabaseProvider.PostgreSql => new PostgreSqlDialect(),
        DatabaseProvider.SqlServer => new SqlServerDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider."),
    };

    /// <summary>
    /// Every commit rents a pooled connection, and Npgsql resets a returned connection with DISCARD ALL,
    /// one more statement per commit. The event store leaves no session state behind (its lock is
    /// transaction-scoped, it sets nothing), so the reset buys nothing; a caller can still turn it back on.
    /// </summary>
    private static string WithoutSessionReset(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase) &&
            !connectionString.Contains("NoResetOnClose", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        // The append batch (lock + unnest insert) and the reads are the same few statements again and
        // again: let Npgsql prepare them on the server once per connection instead of planning each time.
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase) &&
            !connectionString.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 32;
        }

        return builder.ConnectionString;
    }

    /// <summary>The embedded default lives in a file under ./data; create the folder so a fresh checkout just runs.</summary>
    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(file) && file != ":memory:" && folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
    }
}

using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;

namespace EventFlowApp.Kernel.Hangfire.Storage;

/// <summary>
/// Hangfire's storage on the application's database provider, with its schema created on start-up
/// (each storage creates or upgrades its tables when built), so nothing is installed by hand.
/// </summary>
public static class HangfireStorageFactory
{
    public static JobStorage Create(HangfireOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString, nameof(options.ConnectionString));
        return options.Provider switch
        {
            HangfireStorageProvider.Sqlite => Sqlite(options),
            HangfireStorageProvider.PostgreSql => new PostgreSqlStorage(
                new global::Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(options.ConnectionString, PostgreSqlOptions(options)),
                PostgreSqlOptions(options)),
            HangfireStorageProvider.SqlServer => new SqlServerStorage(options.ConnectionString, new SqlServerStorageOptions
            {
                SchemaName = options.SchemaName,
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = options.QueuePollInterval,
                SlidingInvisibilityTimeout = options.InvisibilityTimeout,
                SqlClientFactory = Microsoft.Data.SqlClient.SqlClientFactory.Instance,
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown Hangfire storage provider."),
        };
    }

    private static SQLiteStorage Sqlite(HangfireOptions options)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.ConnectionString));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return new SQLiteStorage(options.ConnectionString, new SQLiteStorageOptions
        {
            QueuePollInterval = options.QueuePollInterval,
            InvisibilityTimeout = options.InvisibilityTimeout,
        });
    }

    private static PostgreSqlStorageOptions PostgreSqlOptions(HangfireOptions options) => new()
    {
        SchemaName = options.SchemaName,
        PrepareSchemaIfNecessary = true,
        QueuePollInterval = options.QueuePollInterval,
        InvisibilityTimeout = options.InvisibilityTimeout,
        UseSlidingInvisibilityTimeout = true,
        EnableLongPolling = true,
    };
}

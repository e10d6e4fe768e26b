namespace EventFlowApp.Kernel.EntityFramework.Configuration;

/// <summary>
/// Which database holds the events: <c>Database:Provider</c> (Sqlite, PostgreSql, SqlServer) and the
/// connection string <c>ConnectionStrings:EventFlowApp</c>.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteConnectionString = "Data Source=./data/eventflowapp.db";

    /// <summary>Apply pending migrations when the application starts.</summary>
    public bool MigrateOnStartup { get; init; } = true;

    public static DatabaseOptions Sqlite(string connectionString = DefaultSqliteConnectionString) => new(DatabaseProvider.Sqlite, connectionString);

    public static DatabaseOptions PostgreSql(string connectionString) => new(DatabaseProvider.PostgreSql, connectionString);

    public static DatabaseOptions SqlServer(string connectionString) => new(DatabaseProvider.SqlServer, connectionString);

    /// <summary>Reads the provider name case-insensitively; an unknown name is an error that lists the valid ones.</summary>
    public static DatabaseOptions From(string? provider, string? connectionString, bool migrateOnStartup = true)
    {
        var parsed = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(provider) && !Enum.TryParse(provider, ignoreCase: true, out parsed))
        {
            throw new ArgumentException(
                $"Database:Provider '{provider}' is not supported; use one of {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = parsed == DatabaseProvider.Sqlite
                ? DefaultSqliteConnectionString
                : throw new ArgumentException($"ConnectionStrings:EventFlowApp is required for {parsed}.");
        }

        return new DatabaseOptions(parsed, connectionString) { MigrateOnStartup = migrateOnStartup };
    }
}

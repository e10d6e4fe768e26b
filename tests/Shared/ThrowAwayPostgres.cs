using Npgsql;

namespace EventFlowApp.Tests.Shared;

/// <summary>
/// A database of a test's own on the PostgreSQL server named by <c>EVENTFLOWAPP_TEST_POSTGRES</c>
/// (<c>scripts/test.sh</c> starts the server and sets it). Compiled into each test project that needs it.
/// </summary>
internal sealed class ThrowAwayPostgres : IAsyncDisposable
{
    public const string Variable = "EVENTFLOWAPP_TEST_POSTGRES";
    private readonly string _server;

    private ThrowAwayPostgres(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The server's admin connection string, or null when the variable is not set.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server ? server : null;

    /// <summary>Creates a database named <paramref name="prefix"/> and a fresh Guid; fails when no server is configured.</summary>
    public static ThrowAwayPostgres Create(string prefix)
    {
        var server = Server ?? throw new InvalidOperationException($"{Variable} is not set; run the tests with ./scripts/test.sh, which starts PostgreSQL.");
        var database = new ThrowAwayPostgres(server, $"{prefix}_{Guid.NewGuid():N}");
        using var admin = new NpgsqlConnection(server);
        admin.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {database.Name}", admin);
        create.ExecuteNonQuery();
        return database;
    }

    /// <summary>
    /// Drops the database. An autovacuum worker may have just connected to it, and only a superuser may end
    /// that session (42501), so a refused drop is tried again for a few seconds, then reported.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }
}

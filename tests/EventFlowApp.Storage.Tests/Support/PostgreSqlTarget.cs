using EventFlowApp.Kernel.EntityFramework.Configuration;
using Npgsql;

namespace EventFlowApp.Storage.Tests.Support;

/// <summary>
/// A throw-away database on the PostgreSQL server named by <c>EVENTFLOWAPP_TEST_POSTGRES</c> (set by
/// <c>scripts/test.sh</c>, which starts the server), dropped afterwards.
/// </summary>
public sealed class PostgreSqlTarget : DatabaseTarget
{
    public const string Variable = "EVENTFLOWAPP_TEST_POSTGRES";
    private readonly string _admin;
    private readonly string _name = $"eventflowapp_t_{Guid.NewGuid():N}";

    public PostgreSqlTarget()
    {
        _admin = Environment.GetEnvironmentVariable(Variable)
            ?? throw new InvalidOperationException($"{Variable} is not set; run the tests with ./scripts/test.sh, which starts PostgreSQL.");
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", connection);
        create.ExecuteNonQuery();
        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = _name }.ConnectionString;
    }

    public string ConnectionString { get; }

    protected override DatabaseOptions Database => DatabaseOptions.PostgreSql(ConnectionString);

    protected override string GapSql(long size) =>
        "SELECT setval(pg_get_serial_sequence('events', 'global_sequence_number'), " +
        $"COALESCE((SELECT MAX(global_sequence_number) FROM events), 0) + {size})";

    /// <summary>
    /// Drops the database. An autovacuum worker may have just connected to it, and only a superuser may end
    /// that session (42501), so a refused drop is tried again for a few seconds, then reported.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
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

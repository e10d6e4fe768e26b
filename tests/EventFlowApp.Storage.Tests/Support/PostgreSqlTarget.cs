using EventFlowApp.Kernel.EntityFramework.Configuration;
using EventFlowApp.Tests.Shared;

namespace EventFlowApp.Storage.Tests.Support;

/// <summary>
/// A throw-away database on the PostgreSQL server named by <c>EVENTFLOWAPP_TEST_POSTGRES</c> (set by
/// <c>scripts/test.sh</c>, which starts the server), dropped afterwards.
/// </summary>
public sealed class PostgreSqlTarget : DatabaseTarget
{
    public const string Variable = ThrowAwayPostgres.Variable;
    private readonly ThrowAwayPostgres _database = ThrowAwayPostgres.Create("eventflowapp_t");

    public string ConnectionString => _database.ConnectionString;

    protected override DatabaseOptions Database => DatabaseOptions.PostgreSql(ConnectionString);

    protected override string GapSql(long size) =>
        "SELECT setval(pg_get_serial_sequence('events', 'global_sequence_number'), " +
        $"COALESCE((SELECT MAX(global_sequence_number) FROM events), 0) + {size})";

    public override ValueTask DisposeAsync() => _database.DisposeAsync();
}

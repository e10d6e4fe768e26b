using EventFlowApp.Tests.Shared;

namespace EventFlowApp.Kernel.Hangfire.Tests.Support;

/// <summary>Where a test's Hangfire keeps its jobs: a throw-away SQLite file or PostgreSQL database, shared by the test's hosts.</summary>
public abstract class HangfireTarget : IAsyncDisposable
{
    public abstract HangfireStorageProvider Provider { get; }

    public abstract string ConnectionString { get; }

    public abstract ValueTask DisposeAsync();
}

public sealed class SqliteHangfireTarget : HangfireTarget
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "eventflowapp-hangfire-tests", $"{Guid.NewGuid():N}.db");

    public override HangfireStorageProvider Provider => HangfireStorageProvider.Sqlite;

    public override string ConnectionString => _file;

    public override ValueTask DisposeAsync()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A new database on the server named by EVENTFLOWAPP_TEST_POSTGRES (scripts/test.sh starts it and sets it).</summary>
public sealed class PostgreSqlHangfireTarget : HangfireTarget
{
    private readonly ThrowAwayPostgres _database = ThrowAwayPostgres.Create("efapp_hangfire");

    public override HangfireStorageProvider Provider => HangfireStorageProvider.PostgreSql;

    public override string ConnectionString => _database.ConnectionString;

    public override ValueTask DisposeAsync() => _database.DisposeAsync();
}

/// <summary>
/// A new database on the SQL Server named by EVENTFLOWAPP_TEST_SQLSERVER. SQL Server cannot run on our
/// machines, so without the variable these tests report as skipped (never as passed).
/// </summary>
// A database name cannot be a parameter; it is made here from a Guid, never from input.
#pragma warning disable DAP241
public sealed class SqlServerHangfireTarget : HangfireTarget
{
    private readonly string _server;
    private readonly string _name = $"efapp_hangfire_{Guid.NewGuid():N}";

    public SqlServerHangfireTarget()
    {
        _server = Environment.GetEnvironmentVariable("EVENTFLOWAPP_TEST_SQLSERVER")!;
        Assert.SkipWhen(string.IsNullOrEmpty(_server), "EVENTFLOWAPP_TEST_SQLSERVER is not set: no SQL Server to run against.");
        using var admin = new Microsoft.Data.SqlClient.SqlConnection(_server);
        admin.Open();
        using var create = new Microsoft.Data.SqlClient.SqlCommand($"CREATE DATABASE [{_name}]", admin);
        create.ExecuteNonQuery();
        ConnectionString = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(_server) { InitialCatalog = _name }.ConnectionString;
    }

    public override HangfireStorageProvider Provider => HangfireStorageProvider.SqlServer;

    public override string ConnectionString { get; }

    public override async ValueTask DisposeAsync()
    {
        Microsoft.Data.SqlClient.SqlConnection.ClearAllPools();
        await using var admin = new Microsoft.Data.SqlClient.SqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new Microsoft.Data.SqlClient.SqlCommand(
            $"ALTER DATABASE [{_name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_name}]", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
#pragma warning restore DAP241

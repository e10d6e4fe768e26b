using System.Data.Common;
using EventFlowApp.Kernel.EntityFramework.Configuration;
using Npgsql;

namespace EventFlowApp.Bench.Infrastructure;

/// <summary>A database created on the server of the admin connection string (its role needs CREATEDB), dropped afterwards.</summary>
public sealed class PostgreSqlBenchDatabase : BenchDatabase
{
    private readonly string _admin;
    private readonly string _name;

    private PostgreSqlBenchDatabase(string admin, string label)
    {
        _admin = admin;
        _name = $"efbench_{label}_{Guid.NewGuid():N}";
        Options = DatabaseOptions.PostgreSql(new NpgsqlConnectionStringBuilder(admin) { Database = _name }.ConnectionString);
    }

    public override DatabaseOptions Options { get; }

    public static async Task<BenchDatabase> CreateAsync(string admin, string label)
    {
        var database = new PostgreSqlBenchDatabase(admin, label);
        await database.ExecuteAdminAsync($"CREATE DATABASE {database._name}");
        await database.MigrateAsync();
        return database;
    }

    public override async Task<DbConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(Options.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public override async ValueTask DisposeAsync()
    {
        // Our pools are closed; a plain DROP also stops an autovacuum worker, which FORCE may not signal without superuser rights.
        NpgsqlConnection.ClearAllPools();
        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS {_name}");
    }

    private async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

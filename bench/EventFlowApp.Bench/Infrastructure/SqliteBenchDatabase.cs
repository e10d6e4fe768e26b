using System.Data.Common;
using EventFlowApp.Kernel.EntityFramework.Configuration;
using Microsoft.Data.Sqlite;

namespace EventFlowApp.Bench.Infrastructure;

/// <summary>A SQLite file in the temp folder (WAL, as the migrator sets it; default synchronous=FULL).</summary>
public sealed class SqliteBenchDatabase : BenchDatabase
{
    private readonly string _file;

    private SqliteBenchDatabase(string label)
    {
        var folder = Path.Combine(Path.GetTempPath(), "eventflowapp-bench");
        Directory.CreateDirectory(folder);
        _file = Path.Combine(folder, $"{label}-{Guid.NewGuid():N}.db");
        Options = DatabaseOptions.Sqlite($"Data Source={_file}");
    }

    public override DatabaseOptions Options { get; }

    public static async Task<BenchDatabase> CreateAsync(string label)
    {
        var database = new SqliteBenchDatabase(label);
        await database.MigrateAsync();
        return database;
    }

    public override async Task<DbConnection> OpenAsync()
    {
        var connection = new SqliteConnection(Options.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }

        return ValueTask.CompletedTask;
    }
}

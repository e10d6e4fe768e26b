using EventFlowApp.Kernel.EntityFramework.Configuration;
using Microsoft.Data.Sqlite;

namespace EventFlowApp.Storage.Tests.Support;

/// <summary>A fresh SQLite file per test, deleted afterwards.</summary>
public sealed class SqliteTarget : DatabaseTarget
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "eventflowapp-tests", $"{Guid.NewGuid():N}.db");

    protected override DatabaseOptions Database => DatabaseOptions.Sqlite($"Data Source={_file}");

    // sqlite_sequence has no key on name: update the row AUTOINCREMENT keeps (it exists once a row was inserted).
    protected override string GapSql(long size) =>
        $"UPDATE sqlite_sequence SET seq = seq + {size} WHERE name = 'events'";

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

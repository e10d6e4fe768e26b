using System.Data.Common;
using Microsoft.Data.Sqlite;
using EventFlowApp.Tests.Shared;
using Npgsql;

namespace EventFlowApp.Web.Tests.Processes;

/// <summary>A throw-away database shared by app processes, and plain SQL to look into it from the test.</summary>
public sealed class ProcessDatabase : IAsyncDisposable
{
    private readonly Func<DbConnection> _connect;
    private readonly Func<Task> _drop;

    private ProcessDatabase(string provider, string connectionString, Func<DbConnection> connect, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _connect = connect;
        _drop = drop;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public static ProcessDatabase Sqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), "eventflowapp-process-tests", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var connectionString = $"Data Source={file}";
        return new ProcessDatabase("Sqlite", connectionString, () => new SqliteConnection(connectionString), () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, Path.ChangeExtension(file, ".hangfire.db") })
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(path + suffix);
                }
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>A new database on the server named by EVENTFLOWAPP_TEST_POSTGRES (the test script sets it), or null when unset.</summary>
    public static Task<ProcessDatabase?> PostgreSqlAsync(CancellationToken cancellationToken)
    {
        if (ThrowAwayPostgres.Server is null)
        {
            return Task.FromResult<ProcessDatabase?>(null);
        }

        var database = ThrowAwayPostgres.Create("efapp_process");
        var connectionString = database.ConnectionString;
        return Task.FromResult<ProcessDatabase?>(
            new ProcessDatabase("PostgreSql", connectionString, () => new NpgsqlConnection(connectionString), async () => await database.DisposeAsync()));
    }

    public IReadOnlyDictionary<string, string> Settings(string node, int batchSize) => new Dictionary<string, string>
    {
        ["Database:Provider"] = Provider,
        ["ConnectionStrings:EventFlowApp"] = ConnectionString,
        ["Processors:NodeId"] = node,
        ["Processors:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Processors:LeaseSeconds"] = "3",
        ["Processors:PollMilliseconds"] = "50",
        ["Processors:RefreshMilliseconds"] = "200",
        ["Jobs:SchedulePollingSeconds"] = "0.2",
        ["Jobs:QueuePollSeconds"] = "0.2",
        ["Jobs:CancellationCheckSeconds"] = "0.3",
    };

    public async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = _connect();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<string> TextAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = _connect();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken) as string ?? "";
    }

    public ValueTask DisposeAsync() => new(_drop());
}

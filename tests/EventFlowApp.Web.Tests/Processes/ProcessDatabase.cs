using System.Data.Common;
using Microsoft.Data.Sqlite;
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
    public static async Task<ProcessDatabase?> PostgreSqlAsync(CancellationToken cancellationToken)
    {
        var server = Environment.GetEnvironmentVariable("EVENTFLOWAPP_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            return null;
        }

        var name = $"efapp_process_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new ProcessDatabase("PostgreSql", connectionString, () => new NpgsqlConnection(connectionString), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync(CancellationToken.None);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await DropWithRetriesAsync(drop);
        });
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

    public ValueTask DisposeAsync() => new(_drop());

    /// <summary>
    /// An autovacuum worker may have just connected to the database, and only a superuser may end that
    /// session (42501), so a refused drop is tried again for a few seconds, then reported.
    /// </summary>
    internal static async Task DropWithRetriesAsync(NpgsqlCommand drop)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync(CancellationToken.None);
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }
}

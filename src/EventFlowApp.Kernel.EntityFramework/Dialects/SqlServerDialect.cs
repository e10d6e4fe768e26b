using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using EventFlowApp.Kernel.EntityFramework.Configuration;
using EventFlowApp.Kernel.EventStores;
using Microsoft.Data.SqlClient;

namespace EventFlowApp.Kernel.EntityFramework.Dialects;

/// <summary>
/// SQL Server: every commit first takes <c>sp_getapplock</c> (exclusive, owned by the transaction) on one
/// resource, so appends run one at a time and IDENTITY values are drawn in commit order; the lock is
/// released at commit. Rows go in multi-row inserts with <c>OUTPUT</c>, chunked under the 2,100-parameter limit.
/// </summary>
public sealed class SqlServerDialect : IEventStoreDialect
{
    private const int RowsPerStatement = 200;
    public const string AppendLockSql =
        "DECLARE @r int; EXEC @r = sp_getapplock @Resource = N'EventFlowApp.Events', @LockMode = N'Exclusive', " +
        "@LockOwner = N'Transaction', @LockTimeout = 30000; IF @r < 0 THROW 51000, N'The event store append lock was not granted.', 1;";

    public const string InsertCommandSql =
        "INSERT INTO commands (source_id, command_name, aggregate_name, aggregate_id, result, recorded_at) VALUES (@s, @c, @an, @ai, @r, @at)";

    public DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public async Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    public async Task<IReadOnlyList<CommittedEvent>> AppendAsync(DbConnection connection, DbTransaction transaction, CommitBatch batch, CancellationToken cancellationToken)
    {
        await using (var lockCommand = NewCommand(connection, transaction, AppendLockSql))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var positions = new Dictionary<Guid, long>(batch.EventCount);
        foreach (var chunk in batch.Streams.SelectMany(s => s.Events).Chunk(RowsPerStatement))
        {
            await using var insert = NewCommand(connection, transaction, InsertEventsSql(chunk.Length));
            for (var i = 0; i < chunk.Length; i++)
            {
                var e = chunk[i];
                insert.Parameters.AddWithValue($"@i{i}", e.EventId);
                insert.Parameters.AddWithValue($"@an{i}", e.AggregateName);
                insert.Parameters.AddWithValue($"@ai{i}", e.AggregateId);
                insert.Parameters.AddWithValue($"@s{i}", e.AggregateSequenceNumber);
                insert.Parameters.AddWithValue($"@en{i}", e.EventName);
                insert.Parameters.AddWithValue($"@ev{i}", e.EventVersion);
                insert.Parameters.Add(new SqlParameter($"@d{i}", SqlDbType.NVarChar, -1) { Value = e.Data });
                insert.Parameters.Add(new SqlParameter($"@m{i}", SqlDbType.NVarChar, -1) { Value = e.Metadata });
                insert.Parameters.Add(new SqlParameter($"@t{i}", SqlDbType.DateTime2) { Value = e.TimestampUtc });
            }

            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                positions[reader.GetGuid(0)] = reader.GetInt64(1);
            }
        }

        if (batch.Command is { } c)
        {
            await using var record = NewCommand(connection, transaction, InsertCommandSql);
            record.Parameters.AddWithValue("@s", c.SourceId);
            record.Parameters.AddWithValue("@c", c.CommandName);
            record.Parameters.AddWithValue("@an", c.AggregateName);
            record.Parameters.AddWithValue("@ai", c.AggregateId);
            record.Parameters.Add(new SqlParameter("@r", SqlDbType.NVarChar, -1) { Value = c.ResultJson });
            record.Parameters.Add(new SqlParameter("@at", SqlDbType.DateTime2) { Value = c.RecordedAtUtc });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        return AppendResults.Match(batch, positions);
    }

    /// <summary>A multi-row insert of <paramref name="rows"/> events that outputs each row's position.</summary>
    public static string InsertEventsSql(int rows)
    {
        var sql = new StringBuilder(
            "INSERT INTO events (event_id, aggregate_name, aggregate_id, aggregate_sequence_number, event_name, event_version, data, metadata, timestamp) " +
            "OUTPUT inserted.event_id, inserted.global_sequence_number VALUES ");
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@i{i}, @an{i}, @ai{i}, @s{i}, @en{i}, @ev{i}, @d{i}, @m{i}, @t{i})");
        }

        return sql.ToString();
    }

    public CommitConflict Classify(DbException exception) => exception switch
    {
        SqlException { Number: 2627 or 2601 } e when e.Message.Contains("pk_commands", StringComparison.Ordinal) => CommitConflict.DuplicateCommand,
        SqlException { Number: 2627 or 2601 } => CommitConflict.Stream,
        _ => CommitConflict.None,
    };

    private static SqlCommand NewCommand(DbConnection connection, DbTransaction transaction, string sql) =>
        new(sql, (SqlConnection)connection, (SqlTransaction)transaction);
}

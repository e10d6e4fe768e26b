using System.Data.Common;
using EventFlowApp.Kernel.EntityFramework.Configuration;
using EventFlowApp.Kernel.EventStores;
using Microsoft.Data.Sqlite;

namespace EventFlowApp.Kernel.EntityFramework.Dialects;

/// <summary>
/// SQLite: a database has one writer at a time, and commits begin with <c>BEGIN IMMEDIATE</c>, which
/// takes the write lock up front. Appends are therefore serialised and positions (an AUTOINCREMENT key)
/// are drawn in commit order. Rows are inserted with one prepared statement, which in process is as
/// fast as a multi-row insert.
/// </summary>
public sealed class SqliteDialect : IEventStoreDialect
{
    private const string InsertEvent =
        "INSERT INTO events (event_id, aggregate_name, aggregate_id, aggregate_sequence_number, event_name, event_version, data, metadata, timestamp) " +
        "VALUES ($id, $an, $ai, $seq, $en, $ev, $data, $meta, $ts) RETURNING global_sequence_number";

    private const string InsertCommand =
        "INSERT INTO commands (source_id, command_name, aggregate_name, aggregate_id, result, recorded_at) VALUES ($s, $c, $an, $ai, $r, $at)";

    private static readonly string[] EventParameters = ["$id", "$an", "$ai", "$seq", "$en", "$ev", "$data", "$meta", "$ts"];

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>EF Core stores a Guid in SQLite as upper-case text; the raw insert must write the same form.</summary>
    public static string FormatGuid(Guid value) => value.ToString("D").ToUpperInvariant();

    public Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public async Task<IReadOnlyList<CommittedEvent>> AppendAsync(DbConnection connection, DbTransaction transaction, CommitBatch batch, CancellationToken cancellationToken)
    {
        var result = new List<CommittedEvent>(batch.EventCount);
        if (batch.EventCount > 0)
        {
            await using var insert = (SqliteCommand)connection.CreateCommand();
            insert.Transaction = (SqliteTransaction)transaction;
            insert.CommandText = InsertEvent;
            var p = EventParameters
                .Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name }))
                .ToArray();
            insert.Prepare();
            foreach (var e in batch.Streams.SelectMany(s => s.Events))
            {
                p[0].Value = FormatGuid(e.EventId);
                p[1].Value = e.AggregateName;
                p[2].Value = e.AggregateId;
                p[3].Value = e.AggregateSequenceNumber;
                p[4].Value = e.EventName;
                p[5].Value = e.EventVersion;
                p[6].Value = e.Data;
                p[7].Value = e.Metadata;
                p[8].Value = e.TimestampUtc;
                var position = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
                result.Add(new CommittedEvent(position, e));
            }
        }

        if (batch.Command is { } c)
        {
            await using var record = (SqliteCommand)connection.CreateCommand();
            record.Transaction = (SqliteTransaction)transaction;
            record.CommandText = InsertCommand;
            record.Parameters.AddWithValue("$s", c.SourceId);
            record.Parameters.AddWithValue("$c", c.CommandName);
            record.Parameters.AddWithValue("$an", c.AggregateName);
            record.Parameters.AddWithValue("$ai", c.AggregateId);
            record.Parameters.AddWithValue("$r", c.ResultJson);
            record.Parameters.AddWithValue("$at", c.RecordedAtUtc);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        return result;
    }

    public CommitConflict Classify(DbException exception) => exception switch
    {
        SqliteException { SqliteErrorCode: 19 } e when e.Message.Contains("commands.", StringComparison.Ordinal) => CommitConflict.DuplicateCommand,
        SqliteException { SqliteErrorCode: 19 } e when e.Message.Contains("events.", StringComparison.Ordinal) => CommitConflict.Stream,
        _ => CommitConflict.None,
    };
}

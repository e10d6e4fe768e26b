using System.Data.Common;
using EventFlowApp.Kernel.EntityFramework.Configuration;
using EventFlowApp.Kernel.EventStores;
using Npgsql;

namespace EventFlowApp.Kernel.EntityFramework.Dialects;

/// <summary>
/// PostgreSQL: every commit first takes <c>pg_advisory_xact_lock</c> on one key, so commits that append
/// events run one at a time and their identity values are drawn in commit order; the lock is released
/// only when the transaction has committed. A reader following the global position therefore never
/// sees N before every number below N is either visible or gone for good (a rollback leaves a gap).
/// The lock, the events (one <c>INSERT ... SELECT FROM unnest(...)</c>) and the command record go in
/// one round trip.
/// </summary>
public sealed class PostgreSqlDialect : IEventStoreDialect
{
    /// <summary>"EFlowApp" in ASCII: the advisory lock key of the event store.</summary>
    public const long AppendLockKey = 0x45466C6F77417070;

    private const string InsertEvents =
        "INSERT INTO events (event_id, aggregate_name, aggregate_id, aggregate_sequence_number, event_name, event_version, data, metadata, timestamp) " +
        "SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::integer[], $7::text[], $8::text[], $9::timestamptz[]) " +
        "RETURNING event_id, global_sequence_number";

    private const string InsertCommand =
        "INSERT INTO commands (source_id, command_name, aggregate_name, aggregate_id, result, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)";

    public DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public async Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    public async Task<IReadOnlyList<CommittedEvent>> AppendAsync(DbConnection connection, DbTransaction transaction, CommitBatch batch, CancellationToken cancellationToken)
    {
        await using var npgsqlBatch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        npgsqlBatch.BatchCommands.Add(Command("SELECT pg_advisory_xact_lock($1)", AppendLockKey));
        var events = batch.Streams.SelectMany(s => s.Events).ToArray();
        if (events.Length > 0)
        {
            npgsqlBatch.BatchCommands.Add(Command(
                InsertEvents,
                events.Select(e => e.EventId).ToArray(),
                events.Select(e => e.AggregateName).ToArray(),
                events.Select(e => e.AggregateId).ToArray(),
                events.Select(e => e.AggregateSequenceNumber).ToArray(),
                events.Select(e => e.EventName).ToArray(),
                events.Select(e => e.EventVersion).ToArray(),
                events.Select(e => e.Data).ToArray(),
                events.Select(e => e.Metadata).ToArray(),
                events.Select(e => e.TimestampUtc).ToArray()));
        }

        if (batch.Command is { } c)
        {
            npgsqlBatch.BatchCommands.Add(Command(InsertCommand, c.SourceId, c.CommandName, c.AggregateName, c.AggregateId, c.ResultJson, c.RecordedAtUtc));
        }

        var positions = new Dictionary<Guid, long>(events.Length);
        await using (var reader = await npgsqlBatch.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                while (reader.FieldCount == 2 && await reader.ReadAsync(cancellationToken))
                {
                    positions[reader.GetGuid(0)] = reader.GetInt64(1);
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        return AppendResults.Match(batch, positions);
    }

    public CommitConflict Classify(DbException exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pk_commands" } => CommitConflict.DuplicateCommand,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => CommitConflict.Stream,
        _ => CommitConflict.None,
    };

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}

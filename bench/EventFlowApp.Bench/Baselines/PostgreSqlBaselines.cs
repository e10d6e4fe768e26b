using System.Data.Common;
using EventFlowApp.Kernel.EventStores;
using Npgsql;
using NpgsqlTypes;

namespace EventFlowApp.Bench.Baselines;

/// <summary>PostgreSQL: single-row INSERTs, a multi-row INSERT ... SELECT FROM unnest(...), and binary COPY.</summary>
public sealed partial class PostgreSqlBaselines : IRawBaselines
{
    private const string Columns = "event_id, aggregate_name, aggregate_id, aggregate_sequence_number, event_name, event_version, data, metadata, timestamp";

    private const string InsertOne = $"INSERT INTO events ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

    private const string InsertUnnest =
        $"INSERT INTO events ({Columns}) " +
        "SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::integer[], $7::text[], $8::text[], $9::timestamptz[])";

    public IReadOnlyList<RawBatchInsert> BatchInserts =>
    [
        new("raw INSERT ... unnest", InsertUnnestAsync),
        new("raw binary COPY", CopyAsync),
    ];

    public async Task InsertSinglesAsync(DbConnection connection, IReadOnlyList<SerializedEvent> rows)
    {
        var npgsql = (NpgsqlConnection)connection;
        foreach (var e in rows)
        {
            await using var transaction = await npgsql.BeginTransactionAsync();
            await using var command = new NpgsqlCommand(InsertOne, npgsql, transaction);
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = e.EventId });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = e.AggregateName });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = e.AggregateId });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = e.AggregateSequenceNumber });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = e.EventName });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = e.EventVersion });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = e.Data });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = e.Metadata });
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = e.TimestampUtc });
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
    }

    public string ImportInsertName => "raw split parse + INSERT ... unnest per 1,000, 1 tx";

    public async Task InsertInOneTransactionAsync(DbConnection connection, IReadOnlyList<SerializedEvent> rows)
    {
        var npgsql = (NpgsqlConnection)connection;
        await using var transaction = await npgsql.BeginTransactionAsync();
        foreach (var chunk in rows.Chunk(1_000))
        {
            await UnnestAsync(npgsql, transaction, chunk);
        }

        await transaction.CommitAsync();
    }

    private static async Task InsertUnnestAsync(DbConnection connection, IReadOnlyList<SerializedEvent[]> batches)
    {
        var npgsql = (NpgsqlConnection)connection;
        foreach (var batch in batches)
        {
            await using var transaction = await npgsql.BeginTransactionAsync();
            await UnnestAsync(npgsql, transaction, batch);
            await transaction.CommitAsync();
        }
    }

    private static async Task UnnestAsync(NpgsqlConnection npgsql, NpgsqlTransaction transaction, SerializedEvent[] batch)
    {
        await using var command = new NpgsqlCommand(InsertUnnest, npgsql, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = batch.Select(e => e.EventId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = batch.Select(e => e.AggregateName).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = batch.Select(e => e.AggregateId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = batch.Select(e => e.AggregateSequenceNumber).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = batch.Select(e => e.EventName).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = batch.Select(e => e.EventVersion).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = batch.Select(e => e.Data).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = batch.Select(e => e.Metadata).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = batch.Select(e => e.TimestampUtc).ToArray() });
        await command.ExecuteNonQueryAsync();
    }

    private static async Task CopyAsync(DbConnection connection, IReadOnlyList<SerializedEvent[]> batches)
    {
        var npgsql = (NpgsqlConnection)connection;
        foreach (var batch in batches)
        {
            await using var transaction = await npgsql.BeginTransactionAsync();
            await using (var importer = await npgsql.BeginBinaryImportAsync($"COPY events ({Columns}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var e in batch)
                {
                    await importer.StartRowAsync();
                    await importer.WriteAsync(e.EventId, NpgsqlDbType.Uuid);
                    await importer.WriteAsync(e.AggregateName, NpgsqlDbType.Varchar);
                    await importer.WriteAsync(e.AggregateId, NpgsqlDbType.Varchar);
                    await importer.WriteAsync(e.AggregateSequenceNumber, NpgsqlDbType.Bigint);
                    await importer.WriteAsync(e.EventName, NpgsqlDbType.Varchar);
                    await importer.WriteAsync(e.EventVersion, NpgsqlDbType.Integer);
                    await importer.WriteAsync(e.Data, NpgsqlDbType.Text);
                    await importer.WriteAsync(e.Metadata, NpgsqlDbType.Text);
                    await importer.WriteAsync(e.TimestampUtc, NpgsqlDbType.TimestampTz);
                }

                await importer.CompleteAsync();
            }

            await transaction.CommitAsync();
        }
    }
}

using System.Data.Common;
using EventFlowApp.Kernel.EntityFramework.Dialects;
using EventFlowApp.Kernel.EventStores;
using Microsoft.Data.Sqlite;

namespace EventFlowApp.Bench.Baselines;

/// <summary>SQLite: a prepared INSERT, executed once per row, inside one transaction per single row or per batch.</summary>
public sealed partial class SqliteBaselines : IRawBaselines
{
    private const string Insert =
        "INSERT INTO events (event_id, aggregate_name, aggregate_id, aggregate_sequence_number, event_name, event_version, data, metadata, timestamp) " +
        "VALUES ($id, $an, $ai, $seq, $en, $ev, $data, $meta, $ts)";

    private static readonly string[] Parameters = ["$id", "$an", "$ai", "$seq", "$en", "$ev", "$data", "$meta", "$ts"];

    public IReadOnlyList<RawBatchInsert> BatchInserts => [new("raw prepared INSERT", InsertBatchesAsync)];

    public string ImportInsertName => "raw split parse + prepared INSERT, 1 tx";

    public Task InsertInOneTransactionAsync(DbConnection connection, IReadOnlyList<SerializedEvent> rows) =>
        InsertBatchesAsync(connection, [rows.ToArray()]);

    public Task InsertSinglesAsync(DbConnection connection, IReadOnlyList<SerializedEvent> rows) =>
        InsertBatchesAsync(connection, rows.Select(r => new[] { r }).ToArray());

    private static async Task InsertBatchesAsync(DbConnection connection, IReadOnlyList<SerializedEvent[]> batches)
    {
        var sqlite = (SqliteConnection)connection;
        await using var command = sqlite.CreateCommand();
        command.CommandText = Insert;
        var p = Parameters
            .Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name }))
            .ToArray();
        foreach (var batch in batches)
        {
            await using var transaction = sqlite.BeginTransaction();
            command.Transaction = transaction;
            command.Prepare();
            foreach (var e in batch)
            {
                p[0].Value = SqliteDialect.FormatGuid(e.EventId);
                p[1].Value = e.AggregateName;
                p[2].Value = e.AggregateId;
                p[3].Value = e.AggregateSequenceNumber;
                p[4].Value = e.EventName;
                p[5].Value = e.EventVersion;
                p[6].Value = e.Data;
                p[7].Value = e.Metadata;
                p[8].Value = e.TimestampUtc;
                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
    }
}

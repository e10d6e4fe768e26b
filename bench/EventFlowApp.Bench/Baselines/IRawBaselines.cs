using System.Data.Common;
using EventFlowApp.Bench.Rebuild;
using EventFlowApp.Kernel.EventStores;

namespace EventFlowApp.Bench.Baselines;

/// <summary>A raw way to insert batches of already serialised rows, named for the report.</summary>
public sealed record RawBatchInsert(string Name, Func<DbConnection, IReadOnlyList<SerializedEvent[]>, Task> RunAsync);

/// <summary>
/// Plain ADO.NET writes into the same table the kernel writes, of the same serialised rows: what the
/// database can do without the kernel (no append lock, no RETURNING, one connection kept open).
/// </summary>
public interface IRawBaselines
{
    /// <summary>One transaction per row.</summary>
    Task InsertSinglesAsync(DbConnection connection, IReadOnlyList<SerializedEvent> rows);

    /// <summary>One transaction per batch, in every raw form the provider has worth comparing.</summary>
    IReadOnlyList<RawBatchInsert> BatchInserts { get; }

    /// <summary>How <see cref="InsertInOneTransactionAsync"/> writes, for the report.</summary>
    string ImportInsertName { get; }

    /// <summary>Many rows (an import) in one transaction.</summary>
    Task InsertInOneTransactionAsync(DbConnection connection, IReadOnlyList<SerializedEvent> rows);

    /// <summary>How <see cref="UpsertAsync"/> writes, for the report.</summary>
    string RebuildWriteName { get; }

    /// <summary>Read-model rows of one generation upserted in one transaction, in the provider's fastest multi-row form.</summary>
    Task UpsertAsync<TRow>(DbConnection connection, RawTable<TRow> table, int generation, IReadOnlyList<TRow> rows);
}

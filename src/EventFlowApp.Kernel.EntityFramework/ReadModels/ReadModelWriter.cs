using System.Data.Common;
using EventFlowApp.Kernel.EntityFramework.Configuration;
using EventFlowApp.Kernel.ReadModels;

namespace EventFlowApp.Kernel.EntityFramework.ReadModels;

/// <summary>
/// Stores a batch's rows with as few statements as the parameter limits allow, on a connection and
/// transaction the caller owns (the store's own, or the event store's append transaction). No change
/// tracking: a rebuild writes hundreds of thousands of rows, and EF's per-entity bookkeeping would cost
/// more than the database does.
/// </summary>
internal static class ReadModelWriter
{
    public static async Task WriteAsync(
        DatabaseProvider provider,
        DbConnection connection,
        DbTransaction transaction,
        ReadModelTable table,
        int generation,
        IReadOnlyDictionary<string, IReadModel> upserts,
        IReadOnlyCollection<string> deletes,
        CancellationToken cancellationToken)
    {
        foreach (var chunk in deletes.Chunk(ReadModelSql.MaxParameters(provider) - 1))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = ReadModelSql.Delete(provider, table.Name, chunk.Length);
            command.Parameters.Add(table.GenerationMapping.CreateParameter(command, "@p0", generation, nullable: false));
            for (var i = 0; i < chunk.Length; i++)
            {
                command.Parameters.Add(table.IdMapping.CreateParameter(command, $"@p{i + 1}", chunk[i], nullable: false));
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var columns = table.AllColumnNames.ToList();
        foreach (var chunk in upserts.Chunk(ReadModelSql.RowsPerStatement(provider, columns.Count)))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = ReadModelSql.Upsert(provider, table.Name, columns, chunk.Length);
            var n = 0;
            foreach (var (id, row) in chunk)
            {
                command.Parameters.Add(table.GenerationMapping.CreateParameter(command, $"@p{n++}", generation, nullable: false));
                command.Parameters.Add(table.IdMapping.CreateParameter(command, $"@p{n++}", id, nullable: false));
                foreach (var column in table.Columns)
                {
                    command.Parameters.Add(column.Mapping.CreateParameter(command, $"@p{n++}", column.Get(row), column.Nullable));
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

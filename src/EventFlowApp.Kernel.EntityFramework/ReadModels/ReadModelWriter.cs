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
            command.Parameters.Add(table.GenerationMapping.CreateParameter(command, ReadModelSql.ParameterName(provider, 0), generation, nullable: false));
            for (var i = 0; i < chunk.Length; i++)
            {
                command.Parameters.Add(table.IdMapping.CreateParameter(command, ReadModelSql.ParameterName(provider, i + 1), chunk[i], nullable: false));
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var columns = table.AllColumnNames.ToList();
        if (provider == DatabaseProvider.Sqlite)
        {
            await UpsertEachAsync(provider, connection, transaction, table, columns, generation, upserts, cancellationToken);
            return;
        }

        foreach (var chunk in upserts.Chunk(ReadModelSql.RowsPerStatement(provider, columns.Count)))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = ReadModelSql.Upsert(provider, table.Name, columns, chunk.Length);
            var n = 0;
            foreach (var (id, row) in chunk)
            {
                command.Parameters.Add(table.GenerationMapping.CreateParameter(command, ReadModelSql.ParameterName(provider, n++), generation, nullable: false));
                command.Parameters.Add(table.IdMapping.CreateParameter(command, ReadModelSql.ParameterName(provider, n++), id, nullable: false));
                foreach (var column in table.Columns)
                {
                    command.Parameters.Add(column.Mapping.CreateParameter(command, ReadModelSql.ParameterName(provider, n++), column.Get(row), column.Nullable));
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// SQLite runs in process, so a round trip costs nothing and one prepared single-row upsert, bound
    /// again per row, beats a multi-row statement, whose parameters SQLite binds by a linear name lookup.
    /// The parameters are made once by the type mappings; per row only the (converted) values change.
    /// </summary>
    private static async Task UpsertEachAsync(
        DatabaseProvider provider, DbConnection connection, DbTransaction transaction, ReadModelTable table, List<string> columns,
        int generation, IReadOnlyDictionary<string, IReadModel> upserts, CancellationToken cancellationToken)
    {
        if (upserts.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = ReadModelSql.Upsert(provider, table.Name, columns, 1);
        command.Parameters.Add(table.GenerationMapping.CreateParameter(command, ReadModelSql.ParameterName(provider, 0), generation, nullable: false));
        var id = table.IdMapping.CreateParameter(command, ReadModelSql.ParameterName(provider, 1), "", nullable: false);
        command.Parameters.Add(id);
        var values = new DbParameter[table.Columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = table.Columns[i].Mapping.CreateParameter(command, ReadModelSql.ParameterName(provider, i + 2), null, table.Columns[i].Nullable);
            command.Parameters.Add(values[i]);
        }

        await command.PrepareAsync(cancellationToken);
        foreach (var (key, row) in upserts)
        {
            id.Value = key;
            for (var i = 0; i < values.Length; i++)
            {
                var column = table.Columns[i];
                var value = column.Get(row);
                values[i].Value = (column.Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

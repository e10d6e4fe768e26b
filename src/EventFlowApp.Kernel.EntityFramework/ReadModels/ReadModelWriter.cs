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
        if (provider == DatabaseProvider.PostgreSql && table.ArraysOnly)
        {
            await PostgreSqlArraysAsync(connection, transaction, table, generation, upserts, deletes, cancellationToken);
            return;
        }

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

    /// <summary>
    /// PostgreSQL: the whole batch in at most two statements, sent together, each with one array
    /// parameter per column (see <see cref="ReadModelSql.UpsertUnnest"/>): no parameter limit to chunk
    /// under, and far less to bind and parse than thousands of scalar parameters.
    /// </summary>
    private static async Task PostgreSqlArraysAsync(
        DbConnection connection, DbTransaction transaction, ReadModelTable table, int generation,
        IReadOnlyDictionary<string, IReadModel> upserts, IReadOnlyCollection<string> deletes, CancellationToken cancellationToken)
    {
        var batch = connection.CreateBatch();
        await using (batch)
        {
            batch.Transaction = transaction;
            if (deletes.Count > 0)
            {
                var delete = batch.CreateBatchCommand();
                delete.CommandText = ReadModelSql.DeleteAny(table.Name);
                delete.Parameters.Add(Positional(delete, generation));
                delete.Parameters.Add(Positional(delete, deletes.ToArray()));
                batch.BatchCommands.Add(delete);
            }

            if (upserts.Count > 0)
            {
                var upsert = batch.CreateBatchCommand();
                var storeTypes = new[] { table.GenerationMapping.StoreType, table.IdMapping.StoreType }.Concat(table.Columns.Select(c => c.Mapping.StoreType)).ToList();
                upsert.CommandText = ReadModelSql.UpsertUnnest(table.Name, table.AllColumnNames.ToList(), storeTypes);
                upsert.Parameters.Add(Positional(upsert, generation));
                upsert.Parameters.Add(Positional(upsert, upserts.Keys.ToArray()));
                var rows = upserts.Values.ToList();
                foreach (var column in table.Columns)
                {
                    var values = Array.CreateInstance(column.ArrayElementType!, rows.Count);
                    for (var i = 0; i < rows.Count; i++)
                    {
                        values.SetValue(column.ProviderValue(rows[i]), i);
                    }

                    upsert.Parameters.Add(Positional(upsert, values));
                }

                batch.BatchCommands.Add(upsert);
            }

            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private static DbParameter Positional(DbBatchCommand command, object value)
    {
        var parameter = command.CreateParameter();
        parameter.Value = value;
        return parameter;
    }
}

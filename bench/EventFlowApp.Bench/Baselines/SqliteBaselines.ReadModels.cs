using System.Data.Common;
using EventFlowApp.Bench.Rebuild;
using Microsoft.Data.Sqlite;

namespace EventFlowApp.Bench.Baselines;

public sealed partial class SqliteBaselines
{
    public string RebuildWriteName => "prepared single-row INSERT ... ON CONFLICT DO UPDATE, 1 tx per batch";

    /// <summary>
    /// SQLite binds parameters by name with a linear scan, so a multi-row statement of a batch (1,500 lines x 24
    /// columns is over its 32,766-parameter limit anyway) binds slower than one prepared row statement run per
    /// row: in process, a statement costs no round trip. This is the fastest raw form, so it is the baseline.
    /// </summary>
    public async Task UpsertAsync<TRow>(DbConnection connection, RawTable<TRow> table, int generation, IReadOnlyList<TRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var sqlite = (SqliteConnection)connection;
        await using var transaction = sqlite.BeginTransaction();
        await using var command = sqlite.CreateCommand();
        command.Transaction = transaction;
        var names = table.AllColumnNames.ToList();
        command.CommandText =
            $"INSERT INTO {table.Name} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select((_, i) => $"$p{i}"))}) " +
            $"ON CONFLICT (generation, id) DO UPDATE SET {string.Join(", ", table.Columns.Select(c => $"{c.Name} = excluded.{c.Name}"))}";
        var p = names.Select((_, i) => command.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" })).ToArray();
        p[0].Value = generation;
        command.Prepare();
        foreach (var row in rows)
        {
            p[1].Value = table.Id(row);
            for (var c = 0; c < table.Columns.Count; c++)
            {
                p[c + 2].Value = table.Columns[c].Value(row);
            }

            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}

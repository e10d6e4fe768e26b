using System.Collections.Concurrent;
using System.Data.Common;
using EventFlowApp.Bench.Rebuild;
using Npgsql;

namespace EventFlowApp.Bench.Baselines;

public sealed partial class PostgreSqlBaselines
{
    private static readonly ConcurrentDictionary<string, string> UpsertSql = new(StringComparer.Ordinal);

    public string RebuildWriteName => "INSERT ... SELECT FROM unnest(...) ON CONFLICT DO UPDATE per batch";

    /// <summary>One statement per batch: a typed array per column, turned into rows by unnest; prepared once per connection.</summary>
    public async Task UpsertAsync<TRow>(DbConnection connection, RawTable<TRow> table, int generation, IReadOnlyList<TRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var npgsql = (NpgsqlConnection)connection;
        await using var transaction = await npgsql.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(UpsertSql.GetOrAdd(table.Name, _ => Sql(table)), npgsql, transaction);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = generation });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(table.Id).ToArray() });
        foreach (var column in table.Columns)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = column.Array(rows) });
        }

        await command.PrepareAsync();
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static string Sql<TRow>(RawTable<TRow> table)
    {
        var arrays = table.Columns.Select((c, i) => $"${i + 3}::{c.PostgresType}[]").Prepend("$2::varchar(200)[]");
        return $"INSERT INTO {table.Name} ({string.Join(", ", table.AllColumnNames)}) " +
            $"SELECT $1, u.* FROM unnest({string.Join(", ", arrays)}) AS u " +
            $"ON CONFLICT (generation, id) DO UPDATE SET {string.Join(", ", table.Columns.Select(c => $"{c.Name} = excluded.{c.Name}"))}";
    }
}

using System.Text;
using EventFlowApp.Kernel.EntityFramework.Configuration;

namespace EventFlowApp.Kernel.EntityFramework.ReadModels;

/// <summary>
/// The multi-row statements that store a batch of read-model rows, per provider. PostgreSQL and SQLite
/// upsert with <c>INSERT ... ON CONFLICT (generation, id) DO UPDATE</c>; SQL Server with <c>MERGE</c>
/// under <c>HOLDLOCK</c>, without which two merges of the same new key could both take the insert branch.
/// Parameters are numbered row by row, in <see cref="ReadModelTable.AllColumnNames"/> order (see <see cref="Placeholder"/>).
/// </summary>
public static class ReadModelSql
{
    /// <summary>
    /// Parameters per statement, under each provider's limit (SQL Server 2,100; SQLite 32,766; PostgreSQL
    /// 65,535). SQLite looks a parameter up by name with a linear scan, so binding costs grow with the
    /// square of the count (5,000 rows in statements of 30,000 parameters took 12 s); in process, more
    /// statements cost next to nothing, so its deletes bind 1,000 at a time and its upserts one row at a
    /// time (see ReadModelWriter).
    /// </summary>
    public static int MaxParameters(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.SqlServer => 2000,
        DatabaseProvider.Sqlite => 1000,
        _ => 30000,
    };

    /// <summary>
    /// The n-th parameter (from 0) in SQL: <c>@pN</c>, or <c>$N+1</c> on PostgreSQL, where positional
    /// parameters spare Npgsql from rewriting named ones in a statement of thousands.
    /// </summary>
    public static string Placeholder(DatabaseProvider provider, int index) =>
        provider == DatabaseProvider.PostgreSql ? $"${index + 1}" : $"@p{index}";

    /// <summary>The name a parameter object gets: none on PostgreSQL (positional), <c>@pN</c> elsewhere.</summary>
    public static string ParameterName(DatabaseProvider provider, int index) =>
        provider == DatabaseProvider.PostgreSql ? "" : $"@p{index}";

    /// <summary>Rows per statement for a table of <paramref name="columnCount"/> columns; SQL Server's VALUES list also stops at 1,000 rows.</summary>
    public static int RowsPerStatement(DatabaseProvider provider, int columnCount) =>
        Math.Clamp(MaxParameters(provider) / Math.Max(1, columnCount), 1, 1000);

    public static string Quote(DatabaseProvider provider, string name) =>
        provider == DatabaseProvider.SqlServer ? $"[{name}]" : $"\"{name}\"";

    public static string Upsert(DatabaseProvider provider, string table, IReadOnlyList<string> columns, int rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var quoted = columns.Select(c => Quote(provider, c)).ToList();
        var values = Values(provider, columns.Count, rows);
        var updated = quoted.Skip(2).ToList();
        var t = Quote(provider, table);
        if (provider == DatabaseProvider.SqlServer)
        {
            var sql = new StringBuilder()
                .Append("MERGE INTO ").Append(t).Append(" WITH (HOLDLOCK) AS t USING (VALUES ").Append(values)
                .Append(") AS s (").AppendJoin(", ", quoted).Append(") ON t.[generation] = s.[generation] AND t.[id] = s.[id]");
            if (updated.Count > 0)
            {
                sql.Append(" WHEN MATCHED THEN UPDATE SET ").AppendJoin(", ", updated.Select(c => $"t.{c} = s.{c}"));
            }

            return sql.Append(" WHEN NOT MATCHED THEN INSERT (").AppendJoin(", ", quoted)
                .Append(") VALUES (").AppendJoin(", ", quoted.Select(c => $"s.{c}")).Append(");").ToString();
        }

        var conflict = updated.Count == 0
            ? "DO NOTHING"
            : "DO UPDATE SET " + string.Join(", ", updated.Select(c => $"{c} = excluded.{c}"));
        return $"INSERT INTO {t} ({string.Join(", ", quoted)}) VALUES {values} ON CONFLICT ({quoted[0]}, {quoted[1]}) {conflict}";
    }

    /// <summary>
    /// PostgreSQL: every row of a batch in one statement with one parameter per column: <c>$1</c> the
    /// generation, <c>$2..</c> typed arrays (ids, then each value column) cast to the columns' store types
    /// and turned into rows by <c>unnest</c>. The statement text never changes with the batch size, so
    /// Npgsql prepares it once per connection.
    /// </summary>
    public static string UpsertUnnest(string table, IReadOnlyList<string> columns, IReadOnlyList<string> storeTypes)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(storeTypes);
        var quoted = columns.Select(c => Quote(DatabaseProvider.PostgreSql, c)).ToList();
        var arrays = storeTypes.Skip(1).Select((type, i) => $"${i + 2}::{type}[]");
        var updated = quoted.Skip(2).ToList();
        var conflict = updated.Count == 0
            ? "DO NOTHING"
            : "DO UPDATE SET " + string.Join(", ", updated.Select(c => $"{c} = excluded.{c}"));
        return $"INSERT INTO {Quote(DatabaseProvider.PostgreSql, table)} ({string.Join(", ", quoted)}) " +
            $"SELECT $1::{storeTypes[0]}, u.* FROM unnest({string.Join(", ", arrays)}) AS u " +
            $"ON CONFLICT ({quoted[0]}, {quoted[1]}) {conflict}";
    }

    /// <summary>PostgreSQL: deletes the ids in the array <c>$2</c> from generation <c>$1</c>.</summary>
    public static string DeleteAny(string table) =>
        $"DELETE FROM {Quote(DatabaseProvider.PostgreSql, table)} WHERE \"generation\" = $1 AND \"id\" = ANY($2)";

    /// <summary>Deletes ids of one generation: parameter 0 is the generation, 1..N the ids.</summary>
    public static string Delete(DatabaseProvider provider, string table, int ids) =>
        $"DELETE FROM {Quote(provider, table)} WHERE {Quote(provider, "generation")} = {Placeholder(provider, 0)} AND {Quote(provider, "id")} IN (" +
        string.Join(", ", Enumerable.Range(1, ids).Select(i => Placeholder(provider, i))) + ")";

    /// <summary>Deletes every row of one generation (parameter 0).</summary>
    public static string DeleteGeneration(DatabaseProvider provider, string table) =>
        $"DELETE FROM {Quote(provider, table)} WHERE {Quote(provider, "generation")} = {Placeholder(provider, 0)}";

    private static string Values(DatabaseProvider provider, int columns, int rows)
    {
        var sql = new StringBuilder(rows * columns * 7);
        var n = 0;
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++)
            {
                sql.Append(c == 0 ? "" : ", ").Append(Placeholder(provider, n++));
            }

            sql.Append(')');
        }

        return sql.ToString();
    }
}

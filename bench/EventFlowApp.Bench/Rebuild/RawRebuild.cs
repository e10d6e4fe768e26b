using System.Data.Common;
using EventFlowApp.Bench.Baselines;

namespace EventFlowApp.Bench.Rebuild;

/// <summary>
/// The raw rebuild baseline: a data reader over the events table in global order, a page of
/// <c>batchSize</c> rows at a time (keyset, as the kernel reads), the fold in memory, and per page one
/// transaction that writes the rows the page changed with the provider's multi-row form. No checkpoint,
/// no lease, no row loads (every row lives in memory), only the columns it needs read.
/// </summary>
public static class RawRebuild
{
    private const string Page =
        "SELECT global_sequence_number, event_name, aggregate_id, data, timestamp FROM events " +
        "WHERE global_sequence_number > @after ORDER BY global_sequence_number LIMIT @take";

    /// <summary>Folds every account's balance; returns the events read.</summary>
    public static Task<long> BalancesAsync(DbConnection connection, IRawBaselines baselines, int generation, int batchSize)
    {
        var balances = new Dictionary<string, BalanceRow>(StringComparer.Ordinal);
        var touched = new HashSet<BalanceRow>();
        return RunAsync(connection, batchSize, async page =>
        {
            touched.Clear();
            foreach (var e in page)
            {
                RawPayloads.FoldBalance(balances, touched, e);
            }

            await baselines.UpsertAsync(connection, RawTables.Balances, generation, touched.ToList());
        });
    }

    /// <summary>One row per posted line; returns the events read.</summary>
    public static Task<long> LinesAsync(DbConnection connection, IRawBaselines baselines, int generation, int batchSize)
    {
        var rows = new List<LineRow>();
        return RunAsync(connection, batchSize, async page =>
        {
            rows.Clear();
            foreach (var e in page)
            {
                RawPayloads.AddLines(rows, e);
            }

            await baselines.UpsertAsync(connection, RawTables.Lines, generation, rows);
        });
    }

    private static async Task<long> RunAsync(DbConnection connection, int batchSize, Func<List<RawEvent>, Task> write)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Page;
        var after = command.CreateParameter();
        after.ParameterName = "@after";
        after.Value = 0L;
        command.Parameters.Add(after);
        var take = command.CreateParameter();
        take.ParameterName = "@take";
        take.Value = batchSize;
        command.Parameters.Add(take);
        var (total, page) = (0L, new List<RawEvent>(batchSize));
        while (true)
        {
            page.Clear();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    page.Add(new RawEvent(
                        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                        DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc)));
                }
            }

            if (page.Count == 0)
            {
                return total;
            }

            await write(page);
            total += page.Count;
            after.Value = page[^1].Position;
        }
    }
}

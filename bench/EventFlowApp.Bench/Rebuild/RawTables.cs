namespace EventFlowApp.Bench.Rebuild;

/// <summary>A column the raw baseline writes: its name, PostgreSQL type, one row's value, and a typed array of a batch's values.</summary>
public sealed record RawColumn<TRow>(string Name, string PostgresType, Func<TRow, object> Value, Func<IReadOnlyList<TRow>, object> Array);

/// <summary>A read-model table as the raw baseline writes it: the real <c>rm_</c> table, key columns (generation, id) first.</summary>
public sealed record RawTable<TRow>(string Name, Func<TRow, string> Id, IReadOnlyList<RawColumn<TRow>> Columns)
{
    public IEnumerable<string> AllColumnNames => Columns.Select(c => c.Name).Prepend("id").Prepend("generation");
}

/// <summary>
/// The columns of <c>rm_ledger_account_balances</c> and <c>rm_ledger_lines</c> (as the read-model migrations
/// create them), filled from the raw baseline's rows. The baseline writes the same tables as the kernel,
/// under a generation number of its own, so index upkeep is the same.
/// </summary>
public static class RawTables
{
    public static RawTable<BalanceRow> Balances { get; } = new("rm_ledger_account_balances", r => r.AccountId,
    [
        Column<BalanceRow, string>("ledger_id", "varchar(200)", r => r.LedgerId),
        Column<BalanceRow, string>("code", "varchar(200)", r => r.Code),
        Column<BalanceRow, string>("name", "varchar(200)", r => r.Name),
        Column<BalanceRow, string>("type", "varchar(200)", r => r.Type),
        Column<BalanceRow, string>("currency", "varchar(200)", r => r.Currency),
        Column<BalanceRow, bool>("is_closed", "boolean", r => r.IsClosed),
        Column<BalanceRow, decimal>("balance", "numeric(38,10)", r => r.Balance),
        Column<BalanceRow, decimal>("reporting_balance", "numeric(38,10)", r => r.ReportingBalance),
        Column<BalanceRow, string>("reporting_currency", "varchar(200)", r => r.ReportingCurrency),
        Column<BalanceRow, int>("unconverted_lines", "integer", r => r.UnconvertedLines),
        Column<BalanceRow, long>("opened_position", "bigint", r => r.OpenedPosition),
        Column<BalanceRow, long>("last_position", "bigint", r => r.LastPosition),
    ]);

    public static RawTable<LineRow> Lines { get; } = new("rm_ledger_lines", r => r.Id,
    [
        Column<LineRow, string>("ledger_id", "varchar(200)", r => r.LedgerId),
        Column<LineRow, string>("entry_id", "varchar(200)", r => r.EntryId),
        Column<LineRow, long>("entry_number", "bigint", r => r.EntryNumber),
        Column<LineRow, int>("line_number", "integer", r => r.LineNumber),
        Column<LineRow, string>("account_code", "varchar(200)", r => r.AccountCode),
        Column<LineRow, DateOnly>("effective_date", "date", r => r.EffectiveDate),
        Column<LineRow, string>("period", "varchar(200)", r => r.Period),
        Column<LineRow, string>("description", "text", r => r.Description),
        Column<LineRow, string>("reference", "varchar(200)", r => r.Reference),
        Column<LineRow, decimal>("debit", "numeric(38,10)", r => r.Debit),
        Column<LineRow, decimal>("credit", "numeric(38,10)", r => r.Credit),
        Column<LineRow, string>("account_currency", "varchar(200)", r => r.AccountCurrency),
        Column<LineRow, decimal>("line_amount", "numeric(38,10)", r => r.LineAmount),
        Column<LineRow, string>("line_currency", "varchar(200)", r => r.LineCurrency),
        Column<LineRow, decimal>("rate", "numeric(38,10)", r => r.Rate),
        Column<LineRow, decimal>("reporting_debit", "numeric(38,10)", r => r.ReportingDebit),
        Column<LineRow, decimal>("reporting_credit", "numeric(38,10)", r => r.ReportingCredit),
        Column<LineRow, string>("reporting_currency", "varchar(200)", r => r.ReportingCurrency),
        Column<LineRow, bool>("reporting_converted", "boolean", r => r.ReportingConverted),
        Column<LineRow, string>("reversal_of_entry_id", "varchar(200)", r => r.ReversalOfEntryId),
        Column<LineRow, long>("recorded_position", "bigint", r => r.RecordedPosition),
        Column<LineRow, DateTime>("recorded_at", "timestamptz", r => r.RecordedAt),
    ]);

    private static RawColumn<TRow> Column<TRow, T>(string name, string postgresType, Func<TRow, T> get)
        where T : notnull =>
        new(name, postgresType, r => get(r), rows =>
        {
            var values = new T[rows.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = get(rows[i]);
            }

            return values;
        });
}

namespace EventFlowApp.Bench.Scenarios;

/// <summary>Scenario and path names, shared by the runner, the table and the target checks.</summary>
public static class Names
{
    public const string SingleAppends = "1. single appends";
    public const string BatchedAppends = "2. batched appends";
    public const string LoadAggregate = "3. load 10k-event aggregate";
    public const string ReadAll = "4. read all in order";
    public const string Import = "5. import 100k-line CSV";
    public const string Rebuild = "6. rebuild read models";
    public const string TrialBalance = "7. trial balance";

    public const string KernelStore = "kernel StoreAsync";
    public const string RawSingleInsert = "raw INSERT, 1 tx per row";
    public const string LoadNoSnapshot = "kernel LoadAsync, no snapshot";
    public const string LoadSnapshot = "kernel LoadAsync, snapshot";
    public const string RawStreamReader = "raw reader, stream";
    public const string ReadDomainEvents = "IEventStore.LoadAllEventsAsync";
    public const string ReadRows = "IEventPersistence.LoadAllAsync";
    public const string RawPagedReader = "raw reader, same pages";
    public const string KernelImport = "kernel ImportJournalEntries";

    public const string KernelRebuildBalances = "kernel RebuildAsync ledger_account_balances";
    public const string KernelRebuildLines = "kernel RebuildAsync ledger_lines";
    public const string KernelRebuildBoth = "kernel RebuildAsync, both (sum)";
    public const string RawRebuildBalances = "raw reader + fold + upsert, balances";
    public const string RawRebuildLines = "raw reader + fold + upsert, lines";
    public const string RawRebuildBoth = "raw reader + fold + upsert, both (sum)";
    public const string TrialBalanceTotals = "TrialBalanceReport (period totals)";
    public const string TrialBalanceKnownAt = "TrialBalanceReport as known at (line scan)";
}

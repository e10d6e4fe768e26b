namespace EventFlowApp.Bench.Scenarios;

/// <summary>How much work each scenario does; <see cref="Scaled"/> shrinks everything for a quick trial run.</summary>
public sealed record BenchSizes
{
    public int SingleTransactions { get; init; } = 2_000;

    public int BatchTransactions { get; init; } = 1_000;

    public int EventsPerBatch { get; init; } = 100;

    public int StreamEvents { get; init; } = 10_000;

    public int SnapshotEvery { get; init; } = 1_000;

    public int LoadRepetitions { get; init; } = 7;

    public int ReadRepetitions { get; init; } = 3;

    public int PageSize { get; init; } = 1_000;

    /// <summary>The import scenario: a CSV file of this many lines over this many accounts, imported this many times per path.</summary>
    public int ImportLines { get; init; } = 100_000;

    public int ImportAccounts { get; init; } = 2_000;

    public int ImportRounds { get; init; } = 2;

    /// <summary>The rebuild scenario: a ledger of <see cref="ImportAccounts"/> accounts and this many imported lines (3 per entry, 2 events per entry).</summary>
    public int RebuildLines { get; init; } = 147_000;

    /// <summary>Each rebuild (kernel and raw, both read models) runs this many times; the median is reported.</summary>
    public int RebuildRounds { get; init; } = 3;

    /// <summary>The trial-balance scenario: a ledger of at least this many general-ledger lines, imported in files of <see cref="TrialBalanceFileLines"/>.</summary>
    public int TrialBalanceLines { get; init; } = 1_000_000;

    public int TrialBalanceFileLines { get; init; } = 100_000;

    public int TrialBalanceRepetitions { get; init; } = 5;

    /// <summary>Appends run the kernel and its baselines interleaved, in this many rounds.</summary>
    public int Rounds { get; init; } = 5;

    /// <summary>The warm-up: a little of everything, on a database of its own that is thrown away.</summary>
    public static BenchSizes WarmUp { get; } = new()
    {
        SingleTransactions = 200, BatchTransactions = 20, Rounds = 2, StreamEvents = 1_000, SnapshotEvery = 100, LoadRepetitions = 3, ReadRepetitions = 1,
        ImportLines = 3_000, ImportRounds = 1, RebuildLines = 3_000, RebuildRounds = 1, TrialBalanceLines = 3_000, TrialBalanceFileLines = 1_500,
        TrialBalanceRepetitions = 1,
    };

    public BenchSizes Scaled(double factor) => this with
    {
        SingleTransactions = Math.Max(10, (int)(SingleTransactions * factor)),
        BatchTransactions = Math.Max(2, (int)(BatchTransactions * factor)),
        StreamEvents = Math.Max(100, (int)(StreamEvents * factor)),
        SnapshotEvery = Math.Max(10, (int)(SnapshotEvery * factor)),
        ImportLines = Math.Max(300, (int)(ImportLines * factor)),
        RebuildLines = Math.Max(300, (int)(RebuildLines * factor)),
        TrialBalanceLines = Math.Max(3_000, (int)(TrialBalanceLines * factor)),
        TrialBalanceFileLines = Math.Max(1_500, (int)(TrialBalanceFileLines * factor)),
    };
}

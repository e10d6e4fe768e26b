using System.Globalization;

namespace EventFlowApp.Bench.Domain;

/// <summary>The <paramref name="N"/>th event to append: which account (by index), its sequence number in that account, and the payload.</summary>
public sealed record PlannedEvent(int N, int Account, long Sequence, AmountPosted Posting);

/// <summary>Deterministic accounts and postings, shared by a kernel path and its raw baseline.</summary>
public sealed class Workload
{
    private static readonly Guid AccountNamespace = new("0f6b1c1e-2a54-4b8e-9d3f-6a7e8b9c0d1e");
    private static readonly string[] Counterparts = ["4000-revenue-consulting", "6100-office-rent", "2100-trade-payables", "1200-trade-receivables"];
    private static readonly string[] Descriptions =
    [
        "Consulting services March 2026, project Atlas phase 2",
        "Office rent Q2 2026, Keizersgracht 123 Amsterdam",
        "Supplier invoice 88213, cloud hosting and backups",
        "Customer payment received by bank transfer, thank you",
    ];

    public Workload(string label, int accounts)
    {
        Accounts = Enumerable.Range(0, accounts)
            .Select(i => LedgerAccountId.NewDeterministic(AccountNamespace, $"{label}-{i}"))
            .ToArray();
    }

    public IReadOnlyList<LedgerAccountId> Accounts { get; }

    /// <summary><paramref name="count"/> single events, round-robin over the accounts.</summary>
    public IReadOnlyList<PlannedEvent> RoundRobin(int count) =>
        Enumerable.Range(0, count).Select(i => Plan(i % Accounts.Count, (i / Accounts.Count) + 1, i)).ToArray();

    /// <summary><paramref name="transactions"/> batches of one event for every account.</summary>
    public IReadOnlyList<PlannedEvent[]> Batches(int transactions) =>
        Enumerable.Range(0, transactions)
            .Select(t => Enumerable.Range(0, Accounts.Count).Select(a => Plan(a, t + 1, (t * Accounts.Count) + a)).ToArray())
            .ToArray();

    public static AmountPosted Posting(int n)
    {
        var random = new Random(n);
        return new AmountPosted(
            new Guid(random.Next(), (short)random.Next(), (short)random.Next(), 1, 2, 3, 4, 5, 6, 7, (byte)n),
            (n % 4) + 1,
            new DateOnly(2026, 1, 1).AddDays(n % 365),
            n % 2 == 0 ? PostingSide.Debit : PostingSide.Credit,
            Math.Round((decimal)random.NextDouble() * 10_000m, 2),
            "EUR",
            Counterparts[n % Counterparts.Length],
            string.Create(CultureInfo.InvariantCulture, $"INV-2026-{n:D6}"),
            Descriptions[n % Descriptions.Length]);
    }

    private static PlannedEvent Plan(int account, long sequence, int n) => new(n, account, sequence, Posting(n));
}

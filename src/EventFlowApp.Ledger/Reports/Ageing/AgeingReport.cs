namespace EventFlowApp.Ledger.Reports.Ageing;

public enum CounterpartyKind
{
    Supplier,
    Customer,
}

/// <summary>
/// What suppliers are owed (or customers owe) as of a date, by how long it is overdue. An item counts
/// when issued on or before the date; payments and credit count when dated on or before it. Counterparties
/// by name (then id), items by due date (then number). Amounts in each counterparty's currency; credit
/// held from overpayments is not an item and is not shown.
/// </summary>
public sealed record AgeingReport(
    string LedgerId,
    CounterpartyKind Kind,
    DateOnly AsOf,
    long? KnownAtPosition,
    DateTime? KnownAtTime,
    IReadOnlyList<CounterpartyAgeing> Counterparties,
    IReadOnlyList<CurrencyAgeing> Totals);

public sealed record CounterpartyAgeing(string CounterpartyId, string Name, string Currency, AgeingBuckets Buckets, IReadOnlyList<AgedItem> Items);

/// <summary>The totals of every counterparty in one currency.</summary>
public sealed record CurrencyAgeing(string Currency, AgeingBuckets Buckets);

/// <summary>Outstanding amounts by days overdue: not yet due (current), 1-30, 31-60, 61-90 and more than 90 days.</summary>
public sealed record AgeingBuckets(decimal Current, decimal Days1To30, decimal Days31To60, decimal Days61To90, decimal Over90, decimal Total);

/// <param name="DaysOverdue">Days from the due date to the report's date; 0 or less is not overdue.</param>
/// <param name="Bucket">current, 1-30, 31-60, 61-90 or over-90.</param>
public sealed record AgedItem(
    string ItemId, string Number, DateOnly IssueDate, DateOnly DueDate, decimal Amount, decimal Paid, decimal Outstanding, int DaysOverdue, string Bucket);

namespace EventFlowApp.Ledger.SubLedgers;

/// <summary>A bill or an invoice: what was owed, when it is due, and how much of it is settled.</summary>
public sealed record OpenItem(string ItemId, string Number, decimal Amount, DateOnly IssueDate, DateOnly DueDate, decimal Settled)
{
    public decimal Outstanding => Amount - Settled;

    public bool IsSettled => Outstanding == 0m;

    public bool IsOverdueOn(DateOnly date) => !IsSettled && DueDate < date;
}

/// <summary>Part of a payment (or of held credit) applied to one item.</summary>
public sealed record Allocation(string ItemId, decimal Amount);

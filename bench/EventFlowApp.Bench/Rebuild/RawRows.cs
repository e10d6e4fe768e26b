namespace EventFlowApp.Bench.Rebuild;

/// <summary>An account's balance row as the raw baseline folds it (the columns of <c>AccountBalance</c>).</summary>
public sealed class BalanceRow
{
    public string AccountId { get; init; } = "";

    public string LedgerId { get; set; } = "";

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string Type { get; set; } = "";

    public string Currency { get; set; } = "";

    public bool IsClosed { get; set; }

    public decimal Balance { get; set; }

    public decimal ReportingBalance { get; set; }

    public string ReportingCurrency { get; set; } = "";

    public int UnconvertedLines { get; set; }

    public long OpenedPosition { get; set; }

    public long LastPosition { get; set; }
}

/// <summary>A general-ledger row as the raw baseline builds it (the columns of <c>LedgerLine</c>).</summary>
public sealed class LineRow
{
    public string Id { get; init; } = "";

    public string LedgerId { get; init; } = "";

    public string EntryId { get; init; } = "";

    public long EntryNumber { get; init; }

    public int LineNumber { get; init; }

    public string AccountCode { get; init; } = "";

    public DateOnly EffectiveDate { get; init; }

    public string Period { get; init; } = "";

    public string Description { get; init; } = "";

    public string Reference { get; init; } = "";

    public decimal Debit { get; init; }

    public decimal Credit { get; init; }

    public string AccountCurrency { get; init; } = "";

    public decimal LineAmount { get; init; }

    public string LineCurrency { get; init; } = "";

    public decimal Rate { get; init; }

    public decimal ReportingDebit { get; init; }

    public decimal ReportingCredit { get; init; }

    public string ReportingCurrency { get; init; } = "";

    public bool ReportingConverted { get; init; }

    public string ReversalOfEntryId { get; init; } = "";

    public long RecordedPosition { get; init; }

    public DateTime RecordedAt { get; init; }
}

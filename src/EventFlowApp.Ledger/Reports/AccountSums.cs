namespace EventFlowApp.Ledger.Reports;

/// <summary>What the lines of one account add up to over some dates (debits and credits kept apart).</summary>
public sealed class AccountSum
{
    public string Code { get; set; } = "";

    public decimal Debit { get; set; }

    public decimal Credit { get; set; }

    public decimal ReportingDebit { get; set; }

    public decimal ReportingCredit { get; set; }

    public int Lines { get; set; }

    public int UnconvertedLines { get; set; }

    /// <summary>Debits minus credits, account currency.</summary>
    public decimal Balance => Debit - Credit;

    /// <summary>Debits minus credits, reporting currency.</summary>
    public decimal ReportingBalance => ReportingDebit - ReportingCredit;

    public static AccountSum operator +(AccountSum left, AccountSum right) => Add(left, right);

    public static AccountSum Add(AccountSum left, AccountSum right) => new()
    {
        Code = left.Code,
        Debit = left.Debit + right.Debit,
        Credit = left.Credit + right.Credit,
        ReportingDebit = left.ReportingDebit + right.ReportingDebit,
        ReportingCredit = left.ReportingCredit + right.ReportingCredit,
        Lines = left.Lines + right.Lines,
        UnconvertedLines = left.UnconvertedLines + right.UnconvertedLines,
    };
}

/// <summary>An account of the chart, as the reports name it.</summary>
public sealed class ChartAccount
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string Type { get; set; } = "";

    public string Currency { get; set; } = "";
}

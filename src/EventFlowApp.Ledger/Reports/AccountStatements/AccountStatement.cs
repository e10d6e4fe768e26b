namespace EventFlowApp.Ledger.Reports.AccountStatements;

/// <summary>
/// One account over a period: the balance before it, its lines in order (effective date, entry number,
/// line number) with a running balance, and the balance after it. Amounts in the account's currency;
/// the reporting-currency balances are beside them.
/// </summary>
public sealed record AccountStatement(
    string LedgerId,
    string Code,
    string Name,
    string Type,
    string Currency,
    DateOnly From,
    DateOnly To,
    long? KnownAtPosition,
    DateTime? KnownAtTime,
    decimal OpeningBalance,
    IReadOnlyList<StatementLine> Lines,
    decimal TotalDebit,
    decimal TotalCredit,
    decimal ClosingBalance,
    string ReportingCurrency,
    decimal OpeningReportingBalance,
    decimal ClosingReportingBalance);

/// <param name="Balance">The running balance after this line, debits minus credits.</param>
/// <param name="ReversalOfEntryId">The entry this line's entry reverses, or empty.</param>
public sealed record StatementLine(
    DateOnly EffectiveDate,
    long EntryNumber,
    int LineNumber,
    string Description,
    string Reference,
    decimal Debit,
    decimal Credit,
    decimal Balance,
    decimal ReportingDebit,
    decimal ReportingCredit,
    string ReversalOfEntryId,
    long RecordedPosition,
    DateTime RecordedAt);

namespace EventFlowApp.Ledger.Reports.TrialBalances;

/// <summary>
/// Every account with postings up to <see cref="AsOf"/>, its balance in its own currency and, on the debit
/// or the credit side, in the reporting currency. Ordered by account code.
/// </summary>
public sealed record TrialBalance(
    string LedgerId,
    DateOnly AsOf,
    long? KnownAtPosition,
    DateTime? KnownAtTime,
    string ReportingCurrency,
    IReadOnlyList<TrialBalanceLine> Lines,
    decimal TotalDebit,
    decimal TotalCredit,
    int UnconvertedLines);

/// <param name="Balance">Debits minus credits in <paramref name="Currency"/>, the account's currency.</param>
/// <param name="Debit">The reporting-currency balance when it is a debit, else 0.</param>
/// <param name="Credit">The reporting-currency balance when it is a credit, else 0.</param>
public sealed record TrialBalanceLine(string Code, string Name, string Type, string Currency, decimal Balance, decimal Debit, decimal Credit);

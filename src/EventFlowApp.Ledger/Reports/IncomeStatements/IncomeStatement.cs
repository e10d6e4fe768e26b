namespace EventFlowApp.Ledger.Reports.IncomeStatements;

/// <summary>Revenue and expenses effective in a period and their difference, the result (a profit when positive). Reporting currency.</summary>
public sealed record IncomeStatement(
    string LedgerId,
    DateOnly From,
    DateOnly To,
    long? KnownAtPosition,
    DateTime? KnownAtTime,
    string ReportingCurrency,
    IReadOnlyList<ReportAmount> Revenue,
    decimal TotalRevenue,
    IReadOnlyList<ReportAmount> Expenses,
    decimal TotalExpenses,
    decimal Result,
    int UnconvertedLines);

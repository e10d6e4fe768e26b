namespace EventFlowApp.Ledger.Reports.BalanceSheets;

/// <summary>
/// Assets, liabilities and equity as of a date, in the reporting currency. The books are never closed into
/// retained earnings, so equity includes <see cref="CurrentResult"/>: revenue less expenses of everything up to the date.
/// Assets equal liabilities plus equity whenever every line has a reporting amount.
/// </summary>
public sealed record BalanceSheet(
    string LedgerId,
    DateOnly AsOf,
    long? KnownAtPosition,
    DateTime? KnownAtTime,
    string ReportingCurrency,
    IReadOnlyList<ReportAmount> Assets,
    decimal TotalAssets,
    IReadOnlyList<ReportAmount> Liabilities,
    decimal TotalLiabilities,
    IReadOnlyList<ReportAmount> Equity,
    decimal CurrentResult,
    decimal TotalEquity,
    decimal TotalLiabilitiesAndEquity,
    int UnconvertedLines);

using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.Reports.AccountStatements;
using EventFlowApp.Ledger.Reports.Ageing;
using EventFlowApp.Ledger.Reports.BalanceSheets;
using EventFlowApp.Ledger.Reports.IncomeStatements;
using EventFlowApp.Ledger.Reports.TrialBalances;

namespace EventFlowApp.Web.Api;

/// <summary>
/// The ledger's reports as JSON (docs/ledger.md, "Reports over HTTP"). They read the read models, which the
/// processor host updates shortly after each command: a report may lag the last command by a moment, as
/// <c>GET /api/processors</c> shows. Every report takes <c>knownAtPosition</c> or <c>knownAtTime</c>, and
/// <c>view</c>, the name of a point-in-time generation.
/// </summary>
public static class ReportApi
{
    /// <summary>What the reports throw for a ledger or account that is not there; an HTTP client asked for something that does not exist.</summary>
    private static readonly HashSet<string> NotFound = new(StringComparer.Ordinal) { "ledger.not_found", "account.not_found" };

    public static void MapReportApi(this IEndpointRouteBuilder endpoints)
    {
        var reports = endpoints.MapGroup("/api/ledgers/{ledgerId}/reports");
        reports.MapGet("/trial-balance", ([AsParameters] ReportParameters p, TrialBalanceReport report, CancellationToken ct) =>
            AnswerAsync(() => report.ProduceAsync(p.Ledger, p.RequiredAsOf(), p.Options(), ct)));
        reports.MapGet("/account-statement", ([AsParameters] ReportParameters p, AccountStatementReport report, CancellationToken ct) =>
            AnswerAsync(() =>
            {
                var (from, to) = p.RequiredPeriod();
                return report.ProduceAsync(p.Ledger, p.RequiredAccount(), from, to, p.Options(), ct);
            }));
        reports.MapGet("/income-statement", ([AsParameters] ReportParameters p, IncomeStatementReport report, CancellationToken ct) =>
            AnswerAsync(() =>
            {
                var (from, to) = p.RequiredPeriod();
                return report.ProduceAsync(p.Ledger, from, to, p.Options(), ct);
            }));
        reports.MapGet("/balance-sheet", ([AsParameters] ReportParameters p, BalanceSheetReport report, CancellationToken ct) =>
            AnswerAsync(() => report.ProduceAsync(p.Ledger, p.RequiredAsOf(), p.Options(), ct)));
        reports.MapGet("/ageing", ([AsParameters] ReportParameters p, AgeingReportQuery report, CancellationToken ct) =>
            AnswerAsync(() => report.ProduceAsync(p.Ledger, p.RequiredKind(), p.RequiredAsOf(), p.Options(), ct)));
    }

    /// <summary>
    /// The report, or 404 for an unknown ledger or account. Those are domain errors (422 elsewhere, where
    /// they mean a command named something wrong); here the resource asked for is missing.
    /// </summary>
    private static async Task<IResult> AnswerAsync<T>(Func<Task<T>> produce)
    {
        try
        {
            return Results.Ok(await produce());
        }
        catch (DomainError e) when (NotFound.Contains(e.Code))
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, extensions: new Dictionary<string, object?> { ["code"] = e.Code });
        }
    }
}

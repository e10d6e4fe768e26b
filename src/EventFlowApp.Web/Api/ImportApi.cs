using EventFlowApp.Kernel.Commands;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Import;

namespace EventFlowApp.Web.Api;

/// <summary>
/// CSV import over HTTP: the request body is the file (docs/journal-import.md). A refused file answers 422
/// with every error by line; the same file again answers 200 with <c>wasDuplicate</c> and changes nothing.
/// </summary>
public static class ImportApi
{
    /// <summary>A 100,000-line file is about 7 MB; leave room, but not unbounded.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public static void MapImportApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/ledgers/{ledgerId}/imports", ImportAsync);

    private static async Task<IResult> ImportAsync(string ledgerId, HttpRequest request, ICommandBus bus, CancellationToken ct, string? fileName = null)
    {
        if (request.ContentLength is > MaxFileBytes)
        {
            return Results.Problem($"A file may have at most {MaxFileBytes / (1024 * 1024)} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var command = await ImportJournalEntries.FromStreamAsync(GeneralLedgerId.With(ledgerId), fileName ?? "upload.csv", request.Body, ct);
        var result = await bus.PublishAsync(command, ct);
        var body = new
        {
            result.FileName,
            result.EntriesImported,
            result.LinesImported,
            result.EntriesSkipped,
            result.LinesSkipped,
            result.FirstNumber,
            result.LastNumber,
            result.WasDuplicate,
            errors = result.Problems.Select(p => new { line = p.Line, message = p.Message }),
            result.MoreErrors,
        };
        return result.IsSuccess ? Results.Ok(body) : Results.UnprocessableEntity(body);
    }
}

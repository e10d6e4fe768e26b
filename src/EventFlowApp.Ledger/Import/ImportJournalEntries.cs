using System.Security.Cryptography;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Ledger.GeneralLedger;

namespace EventFlowApp.Ledger.Import;

/// <summary>
/// Imports a CSV file of journal entry lines into a ledger, all or nothing. Its source id is derived from
/// the ledger and the file's bytes (SHA-256), so importing the same file again is a recorded duplicate:
/// nothing happens and the result says so (<see cref="ExecutionResult.WasDuplicate"/>). Entries already
/// posted under the same entry id (by an earlier, different file) are skipped and counted.
/// </summary>
public sealed record ImportJournalEntries : Command<GeneralLedger.GeneralLedger, GeneralLedgerId, ImportResult>
{
    public ImportJournalEntries(GeneralLedgerId aggregateId, string fileName, ReadOnlyMemory<byte> content)
        : base(aggregateId)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        FileName = fileName;
        Content = content;
        SourceId = SourceIdFor(aggregateId, content.Span);
    }

    /// <summary>For messages and the result only; the file's identity is its content.</summary>
    public string FileName { get; }

    /// <summary>The file's bytes, exactly as uploaded (a handler retried after a conflict reads them again).</summary>
    public ReadOnlyMemory<byte> Content { get; }

    public static async Task<ImportJournalEntries> FromStreamAsync(GeneralLedgerId ledgerId, string fileName, Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return new ImportJournalEntries(ledgerId, fileName, buffer.ToArray());
    }

    /// <summary>The same ledger and bytes give the same id: the durable command record then makes a re-import a no-op.</summary>
    public static string SourceIdFor(GeneralLedgerId ledgerId, ReadOnlySpan<byte> content) =>
        $"import-{ledgerId.Value}-{Convert.ToHexStringLower(SHA256.HashData(content))}";
}

/// <summary>
/// What an import did. On success: the entries and lines posted, and those skipped as posted before. On
/// failure nothing was stored and <see cref="Problems"/> lists the first errors by line
/// (<see cref="MoreErrors"/> counts the rest); <see cref="ExecutionResult.Errors"/> has the same as text.
/// </summary>
public sealed record ImportResult(string FileName, int EntriesImported, int LinesImported, int EntriesSkipped, int LinesSkipped) : ExecutionResult
{
    public IReadOnlyList<ImportError> Problems { get; init; } = [];

    public int MoreErrors { get; init; }

    /// <summary>The ledger numbers given to the imported entries (0 when none was imported).</summary>
    public long FirstNumber { get; init; }

    public long LastNumber { get; init; }

    public static ImportResult Refused(string fileName, ImportErrorList errors)
    {
        var reported = errors.Reported;
        var text = reported.Select(e => e.ToString()).ToList();
        if (errors.NotReported > 0)
        {
            text.Add($"... and {errors.NotReported} more error(s)");
        }

        return new ImportResult(fileName, 0, 0, 0, 0) { IsSuccess = false, Problems = reported, MoreErrors = errors.NotReported, Errors = text };
    }
}

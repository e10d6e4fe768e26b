using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.Import;

/// <summary>One line of an import file, read and checked on its own (not yet against a ledger).</summary>
public sealed record ImportLine(
    int Line,
    string EntryId,
    DateOnly Date,
    string AccountCode,
    Side Side,
    decimal Amount,
    Currency Currency,
    string Description,
    string Reference);

/// <summary>The lines of one entry id, in file order; they agree on date, description and reference.</summary>
public sealed record ImportedEntry(string EntryId, IReadOnlyList<ImportLine> Lines)
{
    public ImportLine First => Lines[0];

    /// <summary>"line 5" or "lines 5, 6, 9": for messages about the entry as a whole.</summary>
    public string LinesText => Lines.Count == 1 ? $"line {First.Line}" : $"lines {string.Join(", ", Lines.Select(l => l.Line))}";
}

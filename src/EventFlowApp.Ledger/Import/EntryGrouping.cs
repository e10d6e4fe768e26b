namespace EventFlowApp.Ledger.Import;

/// <summary>
/// Groups checked lines into entries by entry id (first appearance order); lines of one entry must agree
/// on its header fields. Entries with a bad line (<paramref name="damaged"/>) or a disagreement are left out.
/// </summary>
public static class EntryGrouping
{
    public static IReadOnlyList<ImportedEntry> Group(IReadOnlyList<ImportLine> lines, IReadOnlySet<string> damaged, ImportErrorList errors)
    {
        var disagreeing = new HashSet<string>(StringComparer.Ordinal);
        var byId = new Dictionary<string, List<ImportLine>>(StringComparer.Ordinal);
        var order = new List<List<ImportLine>>();
        foreach (var line in lines)
        {
            if (!byId.TryGetValue(line.EntryId, out var group))
            {
                byId[line.EntryId] = group = [];
                order.Add(group);
            }
            else if (Disagreement(group[0], line) is { } field)
            {
                errors.Add(line.Line, $"entry '{line.EntryId}' has a different {field} here than on line {group[0].Line}; all lines of an entry share its date, description and reference");
                disagreeing.Add(line.EntryId);
            }

            group.Add(line);
        }

        return order
            .Where(g => !damaged.Contains(g[0].EntryId) && !disagreeing.Contains(g[0].EntryId))
            .Select(g => new ImportedEntry(g[0].EntryId, g))
            .ToList();
    }

    private static string? Disagreement(ImportLine first, ImportLine other) =>
        first.Date != other.Date ? "date"
        : !string.Equals(first.Description, other.Description, StringComparison.Ordinal) ? "description"
        : !string.Equals(first.Reference, other.Reference, StringComparison.Ordinal) ? "reference"
        : null;
}

namespace EventFlowApp.Ledger.Import;

/// <summary>
/// The header of an import file: the eight columns, in any order. Names are matched ignoring case, spaces,
/// '_' and '-' ("Entry ID", "entry_id" and "entryId" are one column). Other columns are ignored.
/// </summary>
public sealed class ImportColumns
{
    public static readonly IReadOnlyList<string> Names =
        ["entry_id", "date", "account_code", "debit", "credit", "currency", "description", "reference"];

    private readonly int[] _index;

    private ImportColumns(int[] index, int fieldCount)
    {
        _index = index;
        FieldCount = fieldCount;
    }

    /// <summary>How many fields every line must have: as many as the header.</summary>
    public int FieldCount { get; }

    public int EntryId => _index[0];

    public int Date => _index[1];

    public int AccountCode => _index[2];

    public int Debit => _index[3];

    public int Credit => _index[4];

    public int Currency => _index[5];

    public int Description => _index[6];

    public int Reference => _index[7];

    /// <summary>The columns of a header record, or null after reporting what is missing or doubled.</summary>
    public static ImportColumns? Read(CsvRecord header, ImportErrorList errors)
    {
        var index = Enumerable.Repeat(-1, Names.Count).ToArray();
        var problems = new List<string>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = Normalize(header.Fields[i]);
            var column = Enumerable.Range(0, Names.Count).FirstOrDefault(c => Normalize(Names[c]) == name, -1);
            if (column < 0)
            {
                continue;
            }

            if (index[column] >= 0)
            {
                problems.Add($"column {Names[column]} appears twice (fields {index[column] + 1} and {i + 1})");
            }

            index[column] = i;
        }

        var missing = Enumerable.Range(0, Names.Count).Where(c => index[c] < 0).Select(c => Names[c]).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"the header lacks the column(s) {string.Join(", ", missing)}; it needs {string.Join(",", Names)} in any order");
        }

        foreach (var problem in problems)
        {
            errors.Add(header.Line, problem);
        }

        return problems.Count == 0 ? new ImportColumns(index, header.Fields.Count) : null;
    }

    private static string Normalize(string name) =>
        new([.. name.Where(c => c is not (' ' or '_' or '-' or '\uFEFF')).Select(char.ToLowerInvariant)]);
}

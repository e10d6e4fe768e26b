using System.Globalization;

namespace EventFlowApp.Ledger.Import;

/// <summary>Why a file was refused: the physical line (1 is the header) and the reason.</summary>
public sealed record ImportError(int Line, string Message)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"line {Line}: {Message}");
}

/// <summary>
/// Collects a file's errors in line order, keeping the first <see cref="Limit"/> and only counting the rest,
/// so a file that is wrong everywhere gives a readable report rather than a million lines.
/// </summary>
public sealed class ImportErrorList
{
    public const int DefaultLimit = 100;
    private readonly List<ImportError> _errors = [];

    public ImportErrorList(int limit = DefaultLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        Limit = limit;
    }

    public int Limit { get; }

    /// <summary>Every error found, reported or not.</summary>
    public int Count { get; private set; }

    public bool Any => Count > 0;

    /// <summary>How many errors were found beyond <see cref="Limit"/>.</summary>
    public int NotReported => Count - Reported.Count;

    /// <summary>The errors kept, sorted by line (stable, so one line's errors stay in the order found).</summary>
    public IReadOnlyList<ImportError> Reported => _errors.OrderBy(e => e.Line).ToList();

    public void Add(int line, string message)
    {
        Count++;
        _errors.Add(new ImportError(line, message));
        if (_errors.Count > Limit)
        {
            // Keep the earliest lines: drop the latest-line error (found errors are mostly in line order already).
            var latest = 0;
            for (var i = 1; i < _errors.Count; i++)
            {
                if (_errors[i].Line >= _errors[latest].Line)
                {
                    latest = i;
                }
            }

            _errors.RemoveAt(latest);
        }
    }
}

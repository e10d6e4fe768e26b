using System.Globalization;
using System.Text;

namespace EventFlowApp.Bench.Import;

/// <summary>
/// The benchmark's import file: <c>lines</c> lines over <see cref="Accounts"/> accounts, entries of three lines
/// (one debit, two credits; the last entry takes the remainder). Unlike the storage test's file it has no
/// quoted fields, so the raw baseline can parse it by splitting on commas.
/// </summary>
public sealed record ImportFile(byte[] Content, int Lines, int Entries, int Accounts)
{
    public const string Header = "entry_id,date,account_code,debit,credit,currency,description,reference";

    public static string Code(int account) => (10000 + account).ToString(CultureInfo.InvariantCulture);

    /// <param name="firstEntry">The first entry's number (its id is <c>B{number}</c>), so that several files import into one ledger.</param>
    /// <param name="firstDate">Effective dates run from here over 360 days (2026-01-01 when not given).</param>
    public static ImportFile Generate(int lines, int accounts, int firstEntry = 0, DateOnly? firstDate = null)
    {
        var text = new StringBuilder(lines * 64).Append(Header).Append("\r\n");
        var start = firstDate ?? new DateOnly(2026, 1, 1);
        var (written, entry) = (0, firstEntry);
        while (written < lines)
        {
            var credits = lines - written < 6 ? lines - written - 1 : 2;
            var date = start.AddDays((entry - firstEntry) % 360).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var amounts = Enumerable.Range(1, credits).Select(k => ((entry * 31 + k * 17) % 5000) + 1 + (entry % 100 / 100m)).ToArray();
            Line(text, entry, date, Code(entry * 7 % accounts), amounts.Sum().ToString(CultureInfo.InvariantCulture), "");
            for (var k = 1; k <= credits; k++)
            {
                Line(text, entry, date, Code((entry * 7 + k * 13) % accounts), "", amounts[k - 1].ToString(CultureInfo.InvariantCulture));
            }

            written += credits + 1;
            entry++;
        }

        return new ImportFile(Encoding.UTF8.GetBytes(text.ToString()), lines, entry - firstEntry, accounts);
    }

    private static void Line(StringBuilder text, int entry, string date, string code, string debit, string credit) =>
        text.Append(CultureInfo.InvariantCulture, $"B{entry},{date},{code},{debit},{credit},EUR,Batch {entry} generated,R-{entry}\r\n");
}

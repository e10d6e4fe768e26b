using System.Globalization;
using System.Text;

namespace EventFlowApp.Storage.Tests.Ledger;

/// <summary>
/// A generated import file of exactly <see cref="LineCount"/> lines over <see cref="AccountCount"/> accounts:
/// entries of three lines (one debit, two credits), the last one of four, with quoted descriptions. It
/// knows every account's expected balance.
/// </summary>
public sealed class LargeImportFile
{
    public const int AccountCount = 2000;
    public const int LineCount = 100_000;

    private LargeImportFile(byte[] content, int entries, Dictionary<string, decimal> balances)
    {
        Content = content;
        EntryCount = entries;
        Balances = balances;
    }

    public byte[] Content { get; }

    public int EntryCount { get; }

    /// <summary>Expected balance (debits minus credits) by account code.</summary>
    public IReadOnlyDictionary<string, decimal> Balances { get; }

    public static string Code(int account) => (10000 + account).ToString(CultureInfo.InvariantCulture);

    public static LargeImportFile Generate()
    {
        var text = new StringBuilder(LineCount * 80);
        text.Append("entry_id,date,account_code,debit,credit,currency,description,reference\r\n");
        var balances = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var lines = 0;
        var entry = 0;
        while (lines < LineCount)
        {
            var extra = LineCount - lines == 4 ? 1 : 0;
            var date = new DateOnly(2026, 1, 1).AddDays(entry % 360);
            var debit = Code(entry * 7 % AccountCount);
            var credits = Enumerable.Range(1, 2 + extra).Select(k => (Code((entry * 7 + k * 13) % AccountCount), Amount(entry, k))).ToList();
            Line(text, entry, date, debit, credits.Sum(c => c.Item2), isDebit: true, balances);
            foreach (var (code, amount) in credits)
            {
                Line(text, entry, date, code, amount, isDebit: false, balances);
            }

            lines += 3 + extra;
            entry++;
        }

        return new LargeImportFile(Encoding.UTF8.GetBytes(text.ToString()), entry, balances);
    }

    private static decimal Amount(int entry, int k) => ((entry * 31 + k * 17) % 5000) + 1 + (entry % 100) / 100m;

    private static void Line(StringBuilder text, int entry, DateOnly date, string code, decimal amount, bool isDebit, Dictionary<string, decimal> balances)
    {
        var value = amount.ToString(CultureInfo.InvariantCulture);
        text.Append(CultureInfo.InvariantCulture, $"B{entry},{date:yyyy-MM-dd},{code},{(isDebit ? value : "")},{(isDebit ? "" : value)},EUR,\"Batch {entry}, \"\"generated\"\"\",R-{entry}\r\n");
        balances[code] = balances.GetValueOrDefault(code) + (isDebit ? amount : -amount);
    }
}

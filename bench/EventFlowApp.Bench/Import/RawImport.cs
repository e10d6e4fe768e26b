using System.Globalization;
using System.Text;
using System.Text.Json;
using EventFlowApp.Kernel.EventStores;

namespace EventFlowApp.Bench.Import;

/// <summary>
/// The raw import baseline's CPU side: splits the file on line breaks and commas, groups lines into
/// entries, checks each balances, and builds the rows the kernel writes per entry: the entry's
/// <c>JournalEntryPosted</c> (stream of its own, version 1) and the ledger's <c>JournalEntryRecorded</c>, each
/// with a payload of the same fields and a metadata JSON of the same keys (about the same size). Account ids come
/// from a dictionary filled as codes appear; no rates, no ledger state, no idempotency checks.
/// </summary>
public static class RawImport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static List<SerializedEvent> BuildRows(byte[] content)
    {
        var ledgerId = $"generalledger-{Guid.NewGuid():D}";
        var sourceId = $"import-{ledgerId}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))}";
        var accountIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = Encoding.UTF8.GetString(content);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimEnd('\r').Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        var (id, date, code, debit, credit, currency, description, reference) = (
            Column("entry_id"), Column("date"), Column("account_code"), Column("debit"), Column("credit"), Column("currency"), Column("description"), Column("reference"));

        var rows = new List<SerializedEvent>(lines.Length);
        var timestamp = DateTime.UtcNow;
        var entry = new List<string[]>();
        for (var i = 1; i <= lines.Length; i++)
        {
            var fields = i < lines.Length ? lines[i].TrimEnd('\r').Split(',') : null;
            if (entry.Count > 0 && (fields is null || fields[id] != entry[0][id]))
            {
                AddEntry(entry, rows.Count / 2 + 1);
                entry.Clear();
            }

            if (fields is not null)
            {
                entry.Add(fields);
            }
        }

        return rows;

        void AddEntry(List<string[]> entryLines, long number)
        {
            var first = entryLines[0];
            var effective = DateOnly.ParseExact(first[date], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var posted = entryLines.Select(f =>
            {
                var amount = decimal.Parse(f[debit].Length > 0 ? f[debit] : f[credit], CultureInfo.InvariantCulture);
                var side = f[debit].Length > 0 ? "Debit" : "Credit";
                return new Line(AccountId(f[code]), f[code], side, amount, f[currency], amount, f[currency], null, side == "Debit" ? amount : -amount);
            }).ToArray();
            if (posted.Sum(l => l.SignedAccountAmount) != 0)
            {
                throw new InvalidOperationException($"Entry {first[id]} does not balance.");
            }

            var entryId = $"journalentry-{Guid.NewGuid():D}";
            rows.Add(Row("JournalEntry", entryId, 1, "JournalEntryPosted",
                JsonSerializer.Serialize(new Posted(ledgerId, number, effective, first[description], first[reference], posted, null), Json), sourceId, timestamp));
            var changes = posted.Select(l => new Change(l.AccountId, l.SignedAccountAmount)).ToArray();
            rows.Add(Row("GeneralLedger", ledgerId, number, "JournalEntryRecorded",
                JsonSerializer.Serialize(new Recorded(entryId, number, effective, changes), Json), sourceId, timestamp));
        }

        string AccountId(string accountCode)
        {
            if (!accountIds.TryGetValue(accountCode, out var accountId))
            {
                accountId = $"account-{Guid.NewGuid():D}";
                accountIds[accountCode] = accountId;
            }

            return accountId;
        }
    }

    private static SerializedEvent Row(string aggregateName, string aggregateId, long sequence, string eventName, string data, string sourceId, DateTime timestamp)
    {
        var eventId = Guid.NewGuid();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["event_id"] = eventId.ToString("D"),
            ["event_name"] = eventName,
            ["event_version"] = "1",
            ["aggregate_name"] = aggregateName,
            ["aggregate_id"] = aggregateId,
            ["aggregate_sequence_number"] = sequence.ToString(CultureInfo.InvariantCulture),
            ["timestamp"] = timestamp.ToString("O", CultureInfo.InvariantCulture),
            ["source_id"] = sourceId,
            ["correlation_id"] = sourceId,
            ["causation_id"] = sourceId,
        };
        return new SerializedEvent(eventId, aggregateName, aggregateId, sequence, eventName, 1, data, JsonSerializer.Serialize(metadata, Json), timestamp);
    }

    private sealed record Line(
        string AccountId, string AccountCode, string Side, decimal Amount, string Currency, decimal AccountAmount, string AccountCurrency, string? Rate, decimal SignedAccountAmount);

    private sealed record Posted(string LedgerId, long Number, DateOnly EffectiveDate, string Description, string Reference, Line[] Lines, string? ReversalOf);

    private sealed record Change(string AccountId, decimal Amount);

    private sealed record Recorded(string EntryId, long Number, DateOnly EffectiveDate, Change[] Changes);
}

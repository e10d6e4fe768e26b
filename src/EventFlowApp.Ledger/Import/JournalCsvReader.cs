using System.Globalization;
using System.Text;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.Import;

/// <summary>
/// Reads an import file (UTF-8, with or without BOM) into entries: checks every line on its own (dates
/// yyyy-MM-dd, amounts with a '.' decimal point, exactly one of debit and credit, positive and within
/// the currency's decimals), then groups lines by entry id. Every problem is reported with its line;
/// reading never stops at the first. Entries with a bad line are left out of the result (so the ledger
/// checks that follow report nothing spurious about them, such as an imbalance). Nothing here knows a
/// ledger: accounts, periods and balance are the handler's checks.
/// </summary>
public static class JournalCsvReader
{
    public const int MaxEntryIdLength = 100;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyList<ImportedEntry> Read(ReadOnlySpan<byte> content, ImportErrorList errors)
    {
        if (content.StartsWith(Encoding.UTF8.Preamble))
        {
            content = content[Encoding.UTF8.Preamble.Length..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException e)
        {
            var line = e.Index < 0 ? 1 : content[..Math.Min(e.Index, content.Length)].Count((byte)'\n') + 1;
            errors.Add(line, "the file is not UTF-8 text; save it as UTF-8 (with or without BOM)");
            return [];
        }

        using var records = new CsvRecordReader(text).ReadAll().GetEnumerator();
        if (!records.MoveNext())
        {
            errors.Add(1, $"the file is empty; it needs a header line ({string.Join(",", ImportColumns.Names)}) and at least one entry line");
            return [];
        }

        if (records.Current.Error is { } headerError)
        {
            errors.Add(records.Current.Line, headerError);
            return [];
        }

        var columns = ImportColumns.Read(records.Current, errors);
        if (columns is null)
        {
            return [];
        }

        var lines = new List<ImportLine>();
        var damaged = new HashSet<string>(StringComparer.Ordinal);
        while (records.MoveNext())
        {
            var record = records.Current;
            if (ReadLine(record, columns, errors) is { } line)
            {
                lines.Add(line);
            }
            else if (record.Fields.Count > columns.EntryId)
            {
                damaged.Add(record.Fields[columns.EntryId].Trim());
            }
        }

        if (lines.Count == 0 && !errors.Any)
        {
            errors.Add(1, "the file has a header but no entry lines");
        }

        return EntryGrouping.Group(lines, damaged, errors);
    }

    private static ImportLine? ReadLine(CsvRecord record, ImportColumns columns, ImportErrorList errors)
    {
        if (record.Error is not null)
        {
            errors.Add(record.Line, record.Error);
            return null;
        }

        var fields = record.Fields;
        if (fields.Count != columns.FieldCount)
        {
            errors.Add(record.Line, $"expected {columns.FieldCount} fields as in the header, found {fields.Count}");
            return null;
        }

        var before = errors.Count;
        var entryId = fields[columns.EntryId].Trim();
        if (entryId.Length is 0 or > MaxEntryIdLength)
        {
            errors.Add(record.Line, $"the entry id must have 1 to {MaxEntryIdLength} characters");
        }

        var dateText = fields[columns.Date].Trim();
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(record.Line, $"'{dateText}' is not a date; write it as yyyy-MM-dd");
        }

        var accountCode = fields[columns.AccountCode].Trim();
        if (accountCode.Length == 0)
        {
            errors.Add(record.Line, "the account code is empty");
        }

        var currencyText = fields[columns.Currency].Trim();
        if (!Currency.TryOf(currencyText.ToUpperInvariant(), out var currency))
        {
            errors.Add(record.Line, $"'{currencyText}' is not a currency the ledger knows; use an ISO 4217 code such as EUR");
        }

        var description = fields[columns.Description].Trim();
        var reference = fields[columns.Reference].Trim();
        if (description.Length > JournalEntry.MaxDescriptionLength || reference.Length > JournalEntry.MaxReferenceLength)
        {
            errors.Add(record.Line, $"a description may have at most {JournalEntry.MaxDescriptionLength} characters, a reference {JournalEntry.MaxReferenceLength}");
        }

        var (side, amount) = ReadAmount(fields[columns.Debit].Trim(), fields[columns.Credit].Trim(), record.Line, errors);
        if (errors.Count == before && amount > 0)
        {
            try
            {
                MoneyRules.EnsurePrecision(amount, currency, "The amount");
            }
            catch (DomainError e)
            {
                errors.Add(record.Line, e.Message);
            }
        }

        return errors.Count > before
            ? null
            : new ImportLine(record.Line, entryId, date, accountCode, side, amount, currency, description, reference);
    }

    private static (Side Side, decimal Amount) ReadAmount(string debit, string credit, int line, ImportErrorList errors)
    {
        if ((debit.Length > 0) == (credit.Length > 0))
        {
            errors.Add(line, debit.Length > 0
                ? "both debit and credit are given; a line has exactly one of them"
                : "neither debit nor credit is given; a line has exactly one of them");
            return (Side.Debit, 0m);
        }

        var (side, text) = debit.Length > 0 ? (Side.Debit, debit) : (Side.Credit, credit);
        var name = side == Side.Debit ? "debit" : "credit";
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            errors.Add(line, $"the {name} '{text}' is not an amount; use digits with '.' as the decimal point and no sign or thousands separator");
            return (side, 0m);
        }

        if (amount <= 0)
        {
            errors.Add(line, $"the {name} must be positive, not {text}");
        }

        return (side, amount);
    }
}

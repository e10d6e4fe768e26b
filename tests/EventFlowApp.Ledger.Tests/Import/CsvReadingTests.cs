using System.Text;
using EventFlowApp.Ledger.Import;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.Tests.Import;

public sealed class CsvReadingTests
{
    private const string Header = "entry_id,date,account_code,debit,credit,currency,description,reference";

    private static (IReadOnlyList<ImportedEntry> Entries, ImportErrorList Errors) Read(string text, bool bom = false)
    {
        var errors = new ImportErrorList();
        var bytes = Encoding.UTF8.GetBytes(text);
        var content = bom ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes;
        return (JournalCsvReader.Read(content, errors), errors);
    }

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks_and_later_lines_keep_their_physical_numbers()
    {
        var (entries, errors) = Read(Lines(
            Header,
            "E1,2026-03-10,1000,120.50,,EUR,\"Sale, cash \"\"walk-in\"\"\",R-1",
            "E1,2026-03-10,4000,,120.50,EUR,\"Sale, cash \"\"walk-in\"\"\",R-1",
            "E2,2026-03-11,1000,5,,EUR,\"two",
            "lines\",",
            "E2,2026-03-11,4000,,5,EUR,\"two",
            "lines\","));

        Assert.False(errors.Any, string.Join("; ", errors.Reported));
        Assert.Equal(["E1", "E2"], entries.Select(e => e.EntryId));
        var sale = entries[0].First;
        Assert.Equal((2, "1000", Side.Debit, 120.50m, Currency.EUR), (sale.Line, sale.AccountCode, sale.Side, sale.Amount, sale.Currency));
        Assert.Equal("Sale, cash \"walk-in\"", sale.Description);
        Assert.Equal("two\nlines", entries[1].First.Description);
        Assert.Equal([4, 6], entries[1].Lines.Select(l => l.Line));
        Assert.Equal("", entries[1].First.Reference);
    }

    [Fact]
    public void A_bom_crlf_line_breaks_and_columns_in_another_order_and_spelling_are_read()
    {
        var text = "Reference,Description,Currency,Credit,Debit,Account Code,Date,Entry-ID\r\n" +
                   "R-9,Rent,eur,,800.00,6100,2026-02-01,E7\r\n" +
                   "R-9,Rent,EUR,800,,1000,2026-02-01,E7\r\n";

        var (entries, errors) = Read(text, bom: true);

        Assert.False(errors.Any, string.Join("; ", errors.Reported));
        var entry = Assert.Single(entries);
        Assert.Equal(("E7", new DateOnly(2026, 2, 1), "R-9", "Rent"), (entry.EntryId, entry.First.Date, entry.First.Reference, entry.First.Description));
        Assert.Equal([(Side.Debit, "6100", 800m), (Side.Credit, "1000", 800m)], entry.Lines.Select(l => (l.Side, l.AccountCode, l.Amount)));
        Assert.Equal([2, 3], entry.Lines.Select(l => l.Line));
    }

    [Fact]
    public void Missing_columns_are_named_on_line_1()
    {
        var (entries, errors) = Read(Lines("entry_id,date,account_code,debit,currency,description", "E1,2026-03-10,1000,1,EUR,x"));

        Assert.Empty(entries);
        var error = Assert.Single(errors.Reported);
        Assert.Equal(1, error.Line);
        Assert.Contains("credit, reference", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_line_is_reported_with_its_line_number_and_reading_goes_on()
    {
        var (entries, errors) = Read(Lines(
            Header,
            "E1,2026-02-30,1000,1,,EUR,,",          // 2: no such date
            "E1,10.03.2026,4000,,1,EUR,,",          // 3: wrong date format
            "E2,2026-03-10,1000,1,000.00,,EUR,,",   // 4: a thousands separator splits the field: 9 fields
            "E2,2026-03-10,1000,1,5,EUR,,",         // 5: both debit and credit
            "E2,2026-03-10,1000,,,EUR,,",           // 6: neither
            "E3,2026-03-10,1000,-5,,EUR,,",         // 7: a sign
            "E3,2026-03-10,1000,1e3,,EUR,,",        // 8: an exponent
            "E3,2026-03-10,1000,0,,EUR,,",          // 9: zero
            "E4,2026-03-10,1000,1.005,,EUR,,",      // 10: more decimals than EUR has
            "E4,2026-03-10,1000,5.5,,JPY,,",        // 11: JPY has none
            "E4,2026-03-10,1000,5,,XXX,,",          // 12: unknown currency
            "E5,2026-03-10,1000,5,,EUR,\"open,",    // 13: a quote never closed (to the end of the file)
            "E5,2026-03-10,1000,5,,EUR,,"));

        Assert.Empty(entries);
        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], errors.Reported.Select(e => e.Line));
        Assert.Contains("yyyy-MM-dd", errors.Reported[0].Message, StringComparison.Ordinal);
        Assert.Contains("found 9", errors.Reported[2].Message, StringComparison.Ordinal);
        Assert.Contains("both debit and credit", errors.Reported[3].Message, StringComparison.Ordinal);
        Assert.Contains("neither", errors.Reported[4].Message, StringComparison.Ordinal);
        Assert.Contains("'-5' is not an amount", errors.Reported[5].Message, StringComparison.Ordinal);
        Assert.Contains("must be positive", errors.Reported[7].Message, StringComparison.Ordinal);
        Assert.Contains("more than 2 decimal", errors.Reported[8].Message, StringComparison.Ordinal);
        Assert.Contains("more than 0 decimal", errors.Reported[9].Message, StringComparison.Ordinal);
        Assert.Contains("'XXX'", errors.Reported[10].Message, StringComparison.Ordinal);
        Assert.Contains("never closed", errors.Reported[11].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_quote_or_text_after_a_closing_quote_is_an_error_of_that_line_only()
    {
        var (entries, errors) = Read(Lines(
            Header,
            "E1,2026-03-10,1000,5,,EUR,say \"hi\",",
            "E1,2026-03-10,1000,5,,EUR,\"hi\" there,",
            "E2,2026-03-10,1000,5,,EUR,,",
            "E2,2026-03-10,4000,,5,EUR,,"));

        Assert.Equal([2, 3], errors.Reported.Select(e => e.Line));
        Assert.Equal(["E2"], entries.Select(e => e.EntryId));
    }

    [Fact]
    public void Lines_of_one_entry_that_disagree_on_date_description_or_reference_are_named()
    {
        var (_, errors) = Read(Lines(
            Header,
            "E1,2026-03-10,1000,5,,EUR,Sale,R-1",
            "E1,2026-03-11,4000,,5,EUR,Sale,R-1",
            "E1,2026-03-10,4000,,5,EUR,Sale,R-2"));

        Assert.Equal([3, 4], errors.Reported.Select(e => e.Line));
        Assert.Contains("different date here than on line 2", errors.Reported[0].Message, StringComparison.Ordinal);
        Assert.Contains("different reference", errors.Reported[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_beyond_the_limit_are_counted_not_listed()
    {
        var bad = Enumerable.Range(0, 150).Select(i => $"E{i},not-a-date,1000,5,,EUR,,");

        var (_, errors) = Read(Lines([Header, .. bad]));

        Assert.Equal(150, errors.Count);
        Assert.Equal(100, errors.Reported.Count);
        Assert.Equal(50, errors.NotReported);
        Assert.Equal(Enumerable.Range(2, 100), errors.Reported.Select(e => e.Line));
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_refused_naming_the_line()
    {
        var errors = new ImportErrorList();
        byte[] content = [.. Encoding.UTF8.GetBytes(Header + "\nE1,2026-03-10,1000,5,,EUR,Caf"), 0xE9, .. "\n"u8];

        JournalCsvReader.Read(content, errors);

        Assert.Equal(2, Assert.Single(errors.Reported).Line);
    }

    [Fact]
    public void An_empty_file_or_a_header_alone_is_refused()
    {
        Assert.Contains("empty", Assert.Single(Read("").Errors.Reported).Message, StringComparison.Ordinal);
        Assert.Contains("no entry lines", Assert.Single(Read(Header + "\r\n").Errors.Reported).Message, StringComparison.Ordinal);
    }
}

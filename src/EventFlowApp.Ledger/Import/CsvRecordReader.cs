using System.Text;

namespace EventFlowApp.Ledger.Import;

/// <summary>One record of a CSV file: the physical line it starts on, and its fields (or why it could not be read).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Error = null);

/// <summary>
/// Splits RFC 4180 text into records: fields separated by commas, records by CRLF or LF; a field in
/// double quotes may hold commas, line breaks and doubled quotes (<c>""</c>). Blank lines are skipped. A
/// malformed record (an unclosed quote, text after a closing quote, a quote inside an unquoted field) is
/// returned with an <see cref="CsvRecord.Error"/> and reading goes on at the next line.
/// </summary>
public sealed class CsvRecordReader(string text)
{
    private readonly StringBuilder _quoted = new();
    private int _pos;
    private int _line = 1;

    public IEnumerable<CsvRecord> ReadAll()
    {
        while (_pos < text.Length)
        {
            var record = ReadRecord();
            if (record.Error is not null || record.Fields.Count > 1 || record.Fields[0].Length > 0)
            {
                yield return record;
            }
        }
    }

    private CsvRecord ReadRecord()
    {
        var start = _line;
        var fields = new List<string>(8);
        while (true)
        {
            var error = _pos < text.Length && text[_pos] == '"' ? ReadQuoted(fields, start) : ReadUnquoted(fields);
            if (error is not null)
            {
                SkipRestOfLine();
                return new CsvRecord(start, fields, error);
            }

            if (_pos >= text.Length)
            {
                return new CsvRecord(start, fields);
            }

            if (text[_pos] == ',')
            {
                _pos++;
                continue;
            }

            // At a line break: CRLF or LF.
            _pos += text[_pos] == '\r' ? 2 : 1;
            _line++;
            return new CsvRecord(start, fields);
        }
    }

    private string? ReadUnquoted(List<string> fields)
    {
        var from = _pos;
        while (_pos < text.Length && text[_pos] != ',' && !AtLineBreak())
        {
            if (text[_pos] == '"')
            {
                return $"field {fields.Count + 1} has a quote but does not start with one; put the whole field in quotes and double the quotes inside";
            }

            _pos++;
        }

        fields.Add(text[from.._pos]);
        return null;
    }

    private string? ReadQuoted(List<string> fields, int start)
    {
        _quoted.Clear();
        _pos++;
        while (true)
        {
            if (_pos >= text.Length)
            {
                return $"field {fields.Count + 1} opens a quote on line {start} that is never closed";
            }

            var c = text[_pos++];
            if (c == '"')
            {
                if (_pos < text.Length && text[_pos] == '"')
                {
                    _quoted.Append('"');
                    _pos++;
                    continue;
                }

                break;
            }

            if (c == '\n')
            {
                _line++;
            }

            _quoted.Append(c);
        }

        fields.Add(_quoted.ToString());
        return _pos >= text.Length || text[_pos] == ',' || AtLineBreak()
            ? null
            : $"field {fields.Count} has text after its closing quote";
    }

    private bool AtLineBreak() =>
        text[_pos] == '\n' || (text[_pos] == '\r' && _pos + 1 < text.Length && text[_pos + 1] == '\n');

    private void SkipRestOfLine()
    {
        while (_pos < text.Length && text[_pos] != '\n')
        {
            _pos++;
        }

        if (_pos < text.Length)
        {
            _pos++;
            _line++;
        }
    }
}

using System.Globalization;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.ExchangeRates;

/// <summary>
/// Rates from a CSV file (<c>date,from,to,rate</c>, a header line, dates as yyyy-MM-dd), read when the
/// provider is built. A malformed line is an error naming the file and the line.
/// </summary>
public sealed class FileExchangeRateProvider : IExchangeRateProvider
{
    private readonly FixedExchangeRateProvider _table;

    public FileExchangeRateProvider(string path)
    {
        var rates = new List<ExchangeRate>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (lineNumber == 1 || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            rates.Add(Parse(line, path, lineNumber));
        }

        _table = new FixedExchangeRateProvider(rates);
    }

    public Task<ExchangeRate> GetRateAsync(Currency from, Currency to, DateOnly date, CancellationToken cancellationToken) =>
        _table.GetRateAsync(from, to, date, cancellationToken);

    // The rate is checked here too, not only by the rate table, so that a bad one is reported with its file and line.
    private static ExchangeRate Parse(string line, string path, int lineNumber)
    {
        var fields = line.Split(',');
        if (fields.Length != 4 ||
            !DateOnly.TryParseExact(fields[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ||
            !Currency.TryOf(fields[1].Trim(), out var from) ||
            !Currency.TryOf(fields[2].Trim(), out var to) ||
            !decimal.TryParse(fields[3].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) ||
            !MoneyRules.IsValidRate(rate))
        {
            throw new FormatException($"{path} line {lineNumber}: expected 'yyyy-MM-dd,FROM,TO,rate', got '{line}'.");
        }

        return new ExchangeRate(from, to, rate, date, $"file:{Path.GetFileName(path)}");
    }
}

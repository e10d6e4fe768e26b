using EventFlowApp.Ledger.ExchangeRates;

namespace EventFlowApp.Ledger.Tests.ExchangeRates;

/// <summary>
/// A line that parsed but held an invalid rate (zero, too many decimals) failed later, in the rate
/// table, with a money.rate_invalid error that named neither the file nor the line.
/// </summary>
public sealed class Bug_a_zero_rate_in_a_file_did_not_name_the_line : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ledger-rates-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("2026-01-01,USD,EUR,0")]
    [InlineData("2026-01-01,USD,EUR,0.00")]
    [InlineData("2026-01-01,USD,EUR,0.12345678901")]
    public void An_invalid_rate_is_a_malformed_line_naming_the_file_and_the_line_number(string line)
    {
        var path = Path.Combine(_directory, "rates.csv");
        File.WriteAllLines(path, ["date,from,to,rate", line]);

        var error = Assert.Throws<FormatException>(() => new FileExchangeRateProvider(path));

        Assert.Contains($"{path} line 2", error.Message, StringComparison.Ordinal);
    }
}

using EventFlowApp.Ledger.ExchangeRates;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Tests.Support;

namespace EventFlowApp.Ledger.Tests.ExchangeRates;

public sealed class FileExchangeRateProviderSpec : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ledger-rates-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Rates_are_read_after_the_header_skipping_blank_lines_and_name_the_file_as_source()
    {
        var path = Write("date,from,to,rate", "2026-01-01,USD,EUR,0.92", "", " 2026-03-01 , USD , EUR , 0.95 ", "2026-01-01,GBP,EUR,1.17");
        var provider = new FileExchangeRateProvider(path);

        var march = await provider.GetRateAsync(Currency.USD, Currency.EUR, new DateOnly(2026, 3, 10), LedgerHost.Ct);
        var february = await provider.GetRateAsync(Currency.USD, Currency.EUR, new DateOnly(2026, 2, 10), LedgerHost.Ct);
        var pound = await provider.GetRateAsync(Currency.GBP, Currency.EUR, new DateOnly(2026, 2, 10), LedgerHost.Ct);

        Assert.Equal([0.95m, 0.92m, 1.17m], [march.Rate, february.Rate, pound.Rate]);
        Assert.Equal($"file:{Path.GetFileName(path)}", march.Source);
    }

    [Fact]
    public async Task A_pair_or_date_not_in_the_file_is_a_missing_rate()
    {
        var provider = new FileExchangeRateProvider(Write("date,from,to,rate", "2026-01-01,USD,EUR,0.92"));

        await Assert.ThrowsAsync<ExchangeRateNotFoundException>(() => provider.GetRateAsync(Currency.USD, Currency.EUR, new DateOnly(2025, 12, 31), LedgerHost.Ct));
        await Assert.ThrowsAsync<ExchangeRateNotFoundException>(() => provider.GetRateAsync(Currency.GBP, Currency.EUR, new DateOnly(2026, 2, 1), LedgerHost.Ct));
    }

    [Theory]
    [InlineData("2026-01-01,USD,EUR")]
    [InlineData("2026-01-01,USD,EUR,0.9,extra")]
    [InlineData("2026-13-01,USD,EUR,0.9")]
    [InlineData("01.01.2026,USD,EUR,0.9")]
    [InlineData("2026-01-01,XYZ,EUR,0.9")]
    [InlineData("2026-01-01,USD,eur,0.9")]
    [InlineData("2026-01-01,USD,EUR,abc")]
    [InlineData("2026-01-01,USD,EUR,-0.9")]
    [InlineData("2026-01-01;USD;EUR;0.9")]
    public void A_malformed_line_is_refused_naming_the_file_and_the_line_number(string line)
    {
        var path = Write("date,from,to,rate", "2026-01-01,GBP,EUR,1.17", line);

        var error = Assert.Throws<FormatException>(() => new FileExchangeRateProvider(path));

        Assert.Contains($"{path} line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains(line, error.Message, StringComparison.Ordinal);
    }

    private string Write(params string[] lines)
    {
        var path = Path.Combine(_directory, "rates.csv");
        File.WriteAllLines(path, lines);
        return path;
    }
}

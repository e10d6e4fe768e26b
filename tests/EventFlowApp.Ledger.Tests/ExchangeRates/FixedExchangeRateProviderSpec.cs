using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.ExchangeRates;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Tests.Support;

namespace EventFlowApp.Ledger.Tests.ExchangeRates;

public sealed class FixedExchangeRateProviderSpec
{
    private static readonly FixedExchangeRateProvider Table = new(
    [
        new(Currency.USD, Currency.EUR, 0.95m, new DateOnly(2026, 3, 1), "ecb"),
        new(Currency.USD, Currency.EUR, 0.90m, new DateOnly(2026, 1, 1), "ecb"),
        new(Currency.USD, Currency.EUR, 0.99m, new DateOnly(2026, 4, 1), "ecb"),
    ]);

    [Theory]
    [InlineData(2026, 1, 1, 0.90)]
    [InlineData(2026, 2, 28, 0.90)]
    [InlineData(2026, 3, 1, 0.95)]
    [InlineData(2026, 3, 31, 0.95)]
    [InlineData(2030, 1, 1, 0.99)]
    public async Task The_rate_is_the_latest_dated_on_or_before_the_date_whatever_the_input_order(int y, int m, int d, decimal expected)
    {
        var rate = await Table.GetRateAsync(Currency.USD, Currency.EUR, new DateOnly(y, m, d), LedgerHost.Ct);

        Assert.Equal((expected, "ecb"), (rate.Rate, rate.Source));
    }

    [Fact]
    public async Task A_date_before_the_first_rate_is_refused()
    {
        var error = await Assert.ThrowsAsync<ExchangeRateNotFoundException>(
            () => Table.GetRateAsync(Currency.USD, Currency.EUR, new DateOnly(2025, 12, 31), LedgerHost.Ct));

        Assert.Equal("rate.missing", error.Code);
        Assert.Contains("USD/EUR", error.Message, StringComparison.Ordinal);
        Assert.Contains("2025-12-31", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inverse_pair_is_not_derived() =>
        await Assert.ThrowsAsync<ExchangeRateNotFoundException>(() => Table.GetRateAsync(Currency.EUR, Currency.USD, new DateOnly(2026, 3, 10), LedgerHost.Ct));

    [Fact]
    public async Task The_same_currency_converts_at_one_even_with_an_empty_table()
    {
        var date = new DateOnly(1999, 1, 1);

        var rate = await new FixedExchangeRateProvider([]).GetRateAsync(Currency.JPY, Currency.JPY, date, LedgerHost.Ct);

        Assert.Equal(new ExchangeRate(Currency.JPY, Currency.JPY, 1m, date, "identity"), rate);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_table_with_an_invalid_rate_is_refused_when_built(decimal value)
    {
        var error = Assert.Throws<DomainError>(() => new FixedExchangeRateProvider([new(Currency.USD, Currency.EUR, value, new DateOnly(2026, 1, 1), "t")]));

        Assert.Equal("money.rate_invalid", error.Code);
        Assert.Contains("USD/EUR 2026-01-01", error.Message, StringComparison.Ordinal);
    }
}

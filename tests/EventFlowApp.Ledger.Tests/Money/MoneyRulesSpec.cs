using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.Tests.Money;

public sealed class MoneyRulesSpec
{
    [Theory]
    [InlineData(0.005, "EUR", 0.01)]
    [InlineData(-0.005, "EUR", -0.01)]
    [InlineData(0.015, "EUR", 0.02)]
    [InlineData(0.025, "EUR", 0.03)]
    [InlineData(-0.025, "EUR", -0.03)]
    [InlineData(0.0049, "EUR", 0.00)]
    [InlineData(2.5, "JPY", 3)]
    [InlineData(-2.5, "JPY", -3)]
    [InlineData(0.4999, "JPY", 0)]
    [InlineData(0.0005, "KWD", 0.001)]
    public void Round_goes_to_the_currency_decimals_half_away_from_zero(decimal amount, string currency, decimal expected) =>
        Assert.Equal(expected, MoneyRules.Round(amount, Currency.Of(currency)));

    [Theory]
    [InlineData(0.01, 0.5, "EUR", 0.01)]
    [InlineData(0.05, 0.5, "EUR", 0.03)]
    [InlineData(-0.05, 0.5, "EUR", -0.03)]
    [InlineData(1, 150.5, "JPY", 151)]
    [InlineData(100, 0.9166666667, "EUR", 91.67)]
    [InlineData(1, 0.0000000001, "EUR", 0)]
    public void Convert_multiplies_by_the_rate_then_rounds_for_the_target(decimal amount, decimal rate, string to, decimal expected) =>
        Assert.Equal(expected, MoneyRules.Convert(amount, rate, Currency.Of(to)));

    [Theory]
    [InlineData(10, "EUR")]
    [InlineData(10.5, "EUR")]
    [InlineData(10.05, "EUR")]
    [InlineData(1000, "JPY")]
    [InlineData(1.234, "KWD")]
    public void EnsurePrecision_accepts_amounts_within_the_currency_decimals(decimal amount, string currency) =>
        MoneyRules.EnsurePrecision(amount, Currency.Of(currency), "Line 1");

    [Fact]
    public void EnsurePrecision_counts_trailing_zeros_as_no_decimals() =>
        MoneyRules.EnsurePrecision(10.000m, Currency.EUR, "Line 1");

    [Theory]
    [InlineData(10.005, "EUR")]
    [InlineData(0.001, "USD")]
    [InlineData(1.5, "JPY")]
    [InlineData(1.2345, "KWD")]
    public void EnsurePrecision_refuses_more_decimals_naming_what_the_amount_and_the_currency(decimal amount, string currency)
    {
        var error = Assert.Throws<DomainError>(() => MoneyRules.EnsurePrecision(amount, Currency.Of(currency), "Line 4"));

        Assert.Equal("money.precision", error.Code);
        Assert.Contains("Line 4", error.Message, StringComparison.Ordinal);
        Assert.Contains(amount.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains(currency, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0.0000000001)]
    [InlineData(150.1234567891)]
    public void EnsureRate_accepts_positive_rates_with_up_to_ten_decimals(decimal rate) =>
        MoneyRules.EnsureRate(rate, "USD/EUR");

    [Theory]
    [InlineData(0)]
    [InlineData(-0.92)]
    [InlineData(0.12345678901)]
    public void EnsureRate_refuses_zero_negative_and_overly_precise_rates(decimal rate)
    {
        var error = Assert.Throws<DomainError>(() => MoneyRules.EnsureRate(rate, "USD/EUR"));

        Assert.Equal("money.rate_invalid", error.Code);
        Assert.Contains("USD/EUR", error.Message, StringComparison.Ordinal);
    }
}

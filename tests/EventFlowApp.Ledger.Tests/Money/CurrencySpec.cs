using System.Text.Json;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.Tests.Money;

public sealed class CurrencySpec
{
    [Theory]
    [InlineData("EUR", 2)]
    [InlineData("USD", 2)]
    [InlineData("GBP", 2)]
    [InlineData("CHF", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("ISK", 0)]
    [InlineData("KWD", 3)]
    [InlineData("BHD", 3)]
    [InlineData("TND", 3)]
    public void Each_currency_has_its_ISO_4217_minor_units(string code, int minorUnits)
    {
        var currency = Currency.Of(code);

        Assert.Equal((code, minorUnits), (currency.Code, currency.MinorUnits));
        Assert.Equal(code, currency.ToString());
    }

    [Fact]
    public void The_named_currencies_are_the_ones_of_their_codes()
    {
        Assert.Equal([Currency.Of("EUR"), Currency.Of("USD"), Currency.Of("GBP"), Currency.Of("JPY")], [Currency.EUR, Currency.USD, Currency.GBP, Currency.JPY]);
        Assert.NotEqual(Currency.EUR, Currency.USD);
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("eur")]
    [InlineData(" EUR")]
    [InlineData("")]
    public void An_unknown_code_is_refused_naming_it(string code)
    {
        var error = Assert.Throws<DomainError>(() => Currency.Of(code));

        Assert.Equal("currency.unknown", error.Code);
        Assert.Contains($"'{code}'", error.Message, StringComparison.Ordinal);
        Assert.False(Currency.TryOf(code, out _));
    }

    [Fact]
    public void No_code_is_refused() =>
        Assert.Equal("currency.unknown", Assert.Throws<DomainError>(() => Currency.Of(null)).Code);

    [Fact]
    public void A_currency_is_stored_as_its_code_and_an_unknown_code_is_a_json_error()
    {
        Assert.Equal("\"JPY\"", JsonSerializer.Serialize(Currency.JPY));
        Assert.Equal(Currency.JPY, JsonSerializer.Deserialize<Currency>("\"JPY\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Currency>("\"XYZ\""));
    }
}

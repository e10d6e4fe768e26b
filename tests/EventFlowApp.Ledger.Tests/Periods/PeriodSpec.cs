using System.Text.Json;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.Periods;

namespace EventFlowApp.Ledger.Tests.Periods;

public sealed class PeriodSpec
{
    [Fact]
    public void A_period_is_parsed_from_yyyy_MM()
    {
        var period = Period.Parse("2026-03");

        Assert.Equal(new Period(2026, 3), period);
        Assert.Equal(("2026-03", new DateOnly(2026, 3, 1)), (period.ToString(), period.FirstDay));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-3")]
    [InlineData("26-03")]
    [InlineData("2026/03")]
    [InlineData("2026-03-01")]
    [InlineData("March 2026")]
    [InlineData("")]
    public void Anything_else_is_refused_naming_the_text(string text)
    {
        var error = Assert.Throws<DomainError>(() => Period.Parse(text));

        Assert.Equal("period.invalid", error.Code);
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_period_of_a_date_is_its_month_and_december_is_followed_by_january()
    {
        Assert.Equal(new Period(2026, 12), Period.Of(new DateOnly(2026, 12, 31)));
        Assert.Equal(new Period(2027, 1), new Period(2026, 12).Next);
        Assert.True(new Period(2026, 12) < new Period(2027, 1));
    }

    [Fact]
    public void A_period_is_stored_as_yyyy_MM_and_a_malformed_one_is_a_json_error()
    {
        Assert.Equal("\"2026-03\"", JsonSerializer.Serialize(new Period(2026, 3)));
        Assert.Equal(new Period(2026, 3), JsonSerializer.Deserialize<Period>("\"2026-03\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Period>("\"2026-13\""));
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Ledger.Periods;

/// <summary>An accounting period: one calendar month, written yyyy-MM.</summary>
[JsonConverter(typeof(PeriodJsonConverter))]
public readonly record struct Period(int Year, int Month) : IComparable<Period>
{
    public static Period Of(DateOnly date) => new(date.Year, date.Month);

    public static Period Parse(string text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Of(date)
            : throw new DomainError("period.invalid", $"'{text}' is not a period; write it as yyyy-MM.");

    public DateOnly FirstDay => new(Year, Month, 1);

    public Period Next => Of(FirstDay.AddMonths(1));

    public int CompareTo(Period other) => FirstDay.CompareTo(other.FirstDay);

    public override string ToString() => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;
}

public sealed class PeriodJsonConverter : JsonConverter<Period>
{
    public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return Period.Parse(reader.GetString() ?? "");
        }
        catch (DomainError e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}

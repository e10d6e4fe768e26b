using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Ledger.Money;

/// <summary>An ISO 4217 currency the ledger knows, with its number of decimals (see <see cref="MoneyRules"/>).</summary>
[JsonConverter(typeof(CurrencyJsonConverter))]
public readonly record struct Currency
{
    private Currency(string code, int minorUnits)
    {
        Code = code;
        MinorUnits = minorUnits;
    }

    public string Code { get; }

    /// <summary>Digits after the decimal point: 2 for EUR, 0 for JPY, 3 for KWD.</summary>
    public int MinorUnits { get; }

    public static Currency EUR => Of("EUR");

    public static Currency USD => Of("USD");

    public static Currency GBP => Of("GBP");

    public static Currency JPY => Of("JPY");

    /// <summary>The currency with this code; an unknown or malformed code is a <see cref="DomainError"/> naming it.</summary>
    public static Currency Of(string? code) =>
        TryOf(code, out var currency)
            ? currency
            : throw new DomainError("currency.unknown", $"'{code}' is not a currency the ledger knows; use an ISO 4217 code such as EUR or USD.");

    public static bool TryOf(string? code, out Currency currency)
    {
        currency = default;
        if (code is null || !MoneyRules.MinorUnitsByCurrency.TryGetValue(code, out var minorUnits))
        {
            return false;
        }

        currency = new Currency(code, minorUnits);
        return true;
    }

    public override string ToString() => Code ?? "";
}

public sealed class CurrencyJsonConverter : JsonConverter<Currency>
{
    public override Currency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Currency.TryOf(reader.GetString(), out var currency) ? currency : throw new JsonException($"'{reader.GetString()}' is not a known currency.");

    public override void Write(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code);

    [SuppressMessage("Performance", "CA1822", Justification = "Override.")]
    public override Currency ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.Code);
}

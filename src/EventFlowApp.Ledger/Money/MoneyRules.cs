using System.Collections.Frozen;
using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Ledger.Money;

/// <summary>
/// Every money rule of the ledger, in one place:
/// <list type="bullet">
/// <item>amounts are <c>decimal</c>, never floating point;</item>
/// <item>an amount entered for a currency may have at most that currency's decimals (10.005 EUR is refused, not rounded);</item>
/// <item>a conversion multiplies by the recorded rate and rounds to the target currency's decimals,
/// half away from zero (the commercial rule: 0.005 becomes 0.01, -0.005 becomes -0.01);</item>
/// <item>rates are positive and kept with up to 10 decimals, exactly as recorded in the event.</item>
/// </list>
/// </summary>
public static class MoneyRules
{
    public const int RateDecimals = 10;

    /// <summary>ISO 4217 minor units of the currencies the ledger accepts.</summary>
    internal static readonly FrozenDictionary<string, int> MinorUnitsByCurrency = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["AUD"] = 2, ["BHD"] = 3, ["CAD"] = 2, ["CHF"] = 2, ["CNY"] = 2, ["CZK"] = 2, ["DKK"] = 2, ["EUR"] = 2,
        ["GBP"] = 2, ["HKD"] = 2, ["HUF"] = 2, ["INR"] = 2, ["ISK"] = 0, ["JPY"] = 0, ["KRW"] = 0, ["KWD"] = 3,
        ["MXN"] = 2, ["NOK"] = 2, ["NZD"] = 2, ["PLN"] = 2, ["SEK"] = 2, ["SGD"] = 2, ["TND"] = 3, ["USD"] = 2, ["ZAR"] = 2,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Rounds to the currency's decimals, half away from zero.</summary>
    public static decimal Round(decimal amount, Currency currency) =>
        Math.Round(amount, currency.MinorUnits, MidpointRounding.AwayFromZero);

    /// <summary>Converts with a recorded rate: amount x rate, rounded for the target currency.</summary>
    public static decimal Convert(decimal amount, decimal rate, Currency to) => Round(amount * rate, to);

    /// <summary>Refuses an amount with more decimals than its currency has.</summary>
    public static void EnsurePrecision(decimal amount, Currency currency, string what)
    {
        if (Round(amount, currency) != amount)
        {
            throw new DomainError(
                "money.precision",
                $"{what}: {amount} has more than {currency.MinorUnits} decimal(s), the most {currency.Code} allows.");
        }
    }

    /// <summary>
    /// Refuses default(Currency), what a missing field deserializes to: stored in an event, its null code
    /// could never be read back and the whole stream would become unreadable.
    /// </summary>
    public static void EnsureKnown(Currency currency, string what)
    {
        if (currency.Code is null)
        {
            throw new DomainError("currency.unknown", $"{what} needs a currency; use an ISO 4217 code such as EUR or USD.");
        }
    }

    public static bool IsValidRate(decimal rate) => rate > 0 && Math.Round(rate, RateDecimals) == rate;

    public static void EnsureRate(decimal rate, string what)
    {
        if (!IsValidRate(rate))
        {
            throw new DomainError("money.rate_invalid", $"{what}: the exchange rate {rate} must be positive with at most {RateDecimals} decimals.");
        }
    }
}

using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.Reports;

/// <summary>Amounts as reports show them: exact, with exactly the currency's decimals.</summary>
internal static class ReportMoney
{
    /// <summary>
    /// Gives the amount the currency's scale (100 EUR is 100.00), so a report serialises the same way
    /// whichever rows its sums came from; amounts never carry more decimals than their currency, so
    /// nothing is rounded away.
    /// </summary>
    public static decimal Normalize(decimal amount, string currency)
    {
        var decimals = Currency.TryOf(currency, out var known) ? known.MinorUnits : 2;
        var rounded = decimal.Round(amount, decimals, MidpointRounding.AwayFromZero);
        return rounded + new decimal(0, 0, 0, false, (byte)decimals);
    }
}

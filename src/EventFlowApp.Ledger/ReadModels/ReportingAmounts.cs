using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.ReadModels;

/// <summary>
/// What a posted line is worth in the book's reporting currency, from the event alone: a read model may
/// not call an exchange-rate provider, so only amounts and rates recorded at posting time are used.
/// </summary>
public static class ReportingAmounts
{
    /// <summary>
    /// In order: the account amount when the account is in the reporting currency (already converted with
    /// the recorded rate); the entered amount when the line is in the reporting currency; the entered amount
    /// converted with a rate recorded on another line of the same entry (same source currency, to the
    /// reporting currency), rounded as postings are. Null when nothing recorded says what the line is worth
    /// (a USD line on a USD account in a EUR book, with no USD rate in the entry): the reports count such
    /// lines instead of guessing.
    /// </summary>
    public static decimal? Of(PostedLine line, IReadOnlyList<PostedLine> entryLines, Currency? reportingCurrency)
    {
        if (reportingCurrency is not { } reporting)
        {
            // Posted before entries recorded the book's currency: nothing in the event says it.
            return null;
        }

        if (line.AccountCurrency == reporting)
        {
            return line.AccountAmount;
        }

        if (line.Currency == reporting)
        {
            return line.Amount;
        }

        // The first matching rate in line order, so a replay always picks the same one.
        var rate = entryLines.Select(l => l.Rate).FirstOrDefault(r => r is not null && r.From == line.Currency && r.To == reporting);
        return rate is null ? null : MoneyRules.Convert(line.Amount, rate.Rate, reporting);
    }
}

using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Ledger.ExchangeRates;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.Journal;

/// <summary>
/// Posts a journal entry inside the running command: the entry and the ledger change in the command's
/// unit of work, so they commit together with whatever else the command changed (a bill, a payment).
/// Exchange rates are fetched here, once, and recorded in the event.
/// </summary>
public sealed class JournalPosting(IUnitOfWork unitOfWork, IExchangeRateProvider exchangeRates)
{
    public async Task<long> PostAsync(GeneralLedgerId ledgerId, JournalEntryId entryId, DateOnly effectiveDate, string? description, string? reference, IReadOnlyList<JournalLineInput> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var ledger = await unitOfWork.LoadAsync<GeneralLedger.GeneralLedger, GeneralLedgerId>(ledgerId, cancellationToken);
        var entry = await unitOfWork.LoadAsync<JournalEntry, JournalEntryId>(entryId, cancellationToken);
        var rates = new Dictionary<(Currency From, Currency To), ExchangeRate>();
        foreach (var (from, to) in ledger.RatesNeeded(lines))
        {
            rates[(from, to)] = await exchangeRates.GetRateAsync(from, to, effectiveDate, cancellationToken);
        }

        var priced = ledger.PriceLines(lines, rates);
        var number = ledger.RecordEntry(entryId, effectiveDate, priced);
        entry.Post(ledgerId, number, effectiveDate, description, reference, priced, reportingCurrency: ledger.State.ReportingCurrency);
        return number;
    }
}

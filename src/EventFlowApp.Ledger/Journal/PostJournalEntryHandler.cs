using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Ledger.ExchangeRates;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.Journal;

/// <summary>
/// Posts an entry and records it in its ledger in one transaction. Exchange rates are fetched here, once,
/// and written into the event: the aggregates stay pure and replays never ask the provider.
/// </summary>
public sealed class PostJournalEntryHandler(IUnitOfWork unitOfWork, IExchangeRateProvider exchangeRates)
    : ICommandHandler<JournalEntry, JournalEntryId, PostingResult, PostJournalEntry>
{
    public async Task<PostingResult> ExecuteAsync(JournalEntry aggregate, PostJournalEntry command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command.Lines);
        var ledger = await unitOfWork.LoadAsync<GeneralLedger.GeneralLedger, GeneralLedgerId>(command.LedgerId, cancellationToken);
        var rates = new Dictionary<(Currency From, Currency To), ExchangeRate>();
        foreach (var (from, to) in ledger.RatesNeeded(command.Lines))
        {
            rates[(from, to)] = await exchangeRates.GetRateAsync(from, to, command.EffectiveDate, cancellationToken);
        }

        var lines = ledger.PriceLines(command.Lines, rates);
        var number = ledger.RecordEntry(aggregate.Id, command.EffectiveDate, lines);
        aggregate.Post(command.LedgerId, number, command.EffectiveDate, command.Description, command.Reference, lines);
        return new PostingResult(number);
    }
}

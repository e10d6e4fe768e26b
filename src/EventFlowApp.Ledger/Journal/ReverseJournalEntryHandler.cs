using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.GeneralLedger;

namespace EventFlowApp.Ledger.Journal;

/// <summary>
/// Reverses an entry: marks it reversed, posts the mirrored entry with the same recorded rates (so it
/// cancels exactly in every account's currency) and records it in the ledger, all in one transaction.
/// </summary>
public sealed class ReverseJournalEntryHandler(IUnitOfWork unitOfWork) : ICommandHandler<JournalEntry, JournalEntryId, PostingResult, ReverseJournalEntry>
{
    public async Task<PostingResult> ExecuteAsync(JournalEntry aggregate, ReverseJournalEntry command, CancellationToken cancellationToken)
    {
        var original = aggregate.State;
        var ledgerId = original.LedgerId ?? throw new DomainError("entry.not_found", $"Journal entry {aggregate.Id} was never posted.");
        var ledger = await unitOfWork.LoadAsync<GeneralLedger.GeneralLedger, GeneralLedgerId>(ledgerId, cancellationToken);
        var reversal = await unitOfWork.LoadAsync<JournalEntry, JournalEntryId>(command.ReversalId, cancellationToken);
        var date = command.EffectiveDate ?? ledger.FirstOpenDayOnOrAfter(original.EffectiveDate);
        var lines = original.Lines.Select(l => l.Mirrored()).ToList();

        aggregate.MarkReversed(reversal.Id, date);
        var number = ledger.RecordEntry(reversal.Id, date, lines, $"The reversal of entry {original.Number}");
        // Only the generated description is cut to fit; a given one is checked like any posting's.
        var generated = $"Reversal of entry {original.Number}: {original.Description}";
        var description = command.Description ?? generated[..Math.Min(generated.Length, JournalEntry.MaxDescriptionLength)];
        reversal.Post(ledgerId, number, date, description, original.Reference, lines, aggregate.Id, ledger.State.ReportingCurrency);
        return new PostingResult(number);
    }
}

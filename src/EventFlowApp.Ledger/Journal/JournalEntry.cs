using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.Journal;

/// <summary>One journal entry. Posted once, never edited; a mistake is corrected by reversing it.</summary>
[AggregateName("JournalEntry")]
public sealed class JournalEntry(JournalEntryId id) : AggregateRoot<JournalEntry, JournalEntryId, JournalEntryState>(id)
{
    public const int MaxDescriptionLength = 500;
    public const int MaxReferenceLength = 100;

    /// <summary>Posts the entry; its lines must already be recorded by <see cref="GeneralLedger.GeneralLedger.RecordEntry"/>.</summary>
    public void Post(
        GeneralLedgerId ledgerId, long number, DateOnly effectiveDate, string? description, string? reference, IReadOnlyList<PostedLine> lines, JournalEntryId? reversalOf = null, Currency? reportingCurrency = null)
    {
        if (!IsNew)
        {
            throw new DomainError("entry.already_posted", $"Journal entry {Id} is already posted (number {State.Number}).");
        }

        description = description?.Trim() ?? "";
        if (description.Length > MaxDescriptionLength)
        {
            throw new DomainError("entry.description_too_long", $"A description may have at most {MaxDescriptionLength} characters.");
        }

        reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        if (reference?.Length > MaxReferenceLength)
        {
            throw new DomainError("entry.reference_too_long", $"A reference may have at most {MaxReferenceLength} characters.");
        }

        Emit(new JournalEntryPosted(ledgerId, number, effectiveDate, description, reference, lines, reversalOf, reportingCurrency));
    }

    /// <summary>Marks the entry reversed; an entry is reversed at most once.</summary>
    public void MarkReversed(JournalEntryId reversal, DateOnly reversalDate)
    {
        if (IsNew)
        {
            throw new DomainError("entry.not_found", $"Journal entry {Id} does not exist.");
        }

        if (State.ReversedBy is { } by)
        {
            throw new DomainError("entry.already_reversed", $"Journal entry {State.Number} was already reversed by {by}.");
        }

        if (reversalDate < State.EffectiveDate)
        {
            throw new DomainError(
                "entry.reversal_before_original",
                $"Journal entry {State.Number} is effective on {State.EffectiveDate:yyyy-MM-dd}; it cannot be reversed as of {reversalDate:yyyy-MM-dd}, before it took effect.");
        }

        Emit(new JournalEntryReversed(reversal, reversalDate));
    }
}

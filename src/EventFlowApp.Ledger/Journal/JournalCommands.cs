using EventFlowApp.Kernel.Commands;
using EventFlowApp.Ledger.GeneralLedger;

namespace EventFlowApp.Ledger.Journal;

public sealed record PostingResult(long Number) : ExecutionResult;

/// <summary>Posts a new entry to a ledger. Give it a deterministic id (<see cref="JournalEntryId.For"/>) to make re-sending safe.</summary>
[CommandName("PostJournalEntry", 1)]
public sealed record PostJournalEntry(
    JournalEntryId AggregateId,
    GeneralLedgerId LedgerId,
    DateOnly EffectiveDate,
    string? Description,
    string? Reference,
    IReadOnlyList<JournalLineInput> Lines) : Command<JournalEntry, JournalEntryId, PostingResult>(AggregateId)
{
    public override AggregateExpectation Expectation => AggregateExpectation.New;
}

/// <summary>
/// Reverses a posted entry with a new entry (<see cref="ReversalId"/>) whose lines mirror it. Without an
/// effective date the reversal takes the original's date, or the first open day after it if that period is closed.
/// </summary>
[CommandName("ReverseJournalEntry", 1)]
public sealed record ReverseJournalEntry(JournalEntryId AggregateId, JournalEntryId ReversalId, DateOnly? EffectiveDate = null, string? Description = null)
    : Command<JournalEntry, JournalEntryId, PostingResult>(AggregateId);

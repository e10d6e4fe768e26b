using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Ledger.GeneralLedger;

namespace EventFlowApp.Ledger.Journal;

public sealed record JournalEntryState : IAggregateState<JournalEntryState>
{
    public GeneralLedgerId? LedgerId { get; init; }

    public long Number { get; init; }

    public DateOnly EffectiveDate { get; init; }

    public string Description { get; init; } = "";

    public string? Reference { get; init; }

    public IReadOnlyList<PostedLine> Lines { get; init; } = [];

    public JournalEntryId? ReversalOf { get; init; }

    public JournalEntryId? ReversedBy { get; init; }

    public JournalEntryState Apply(IAggregateEvent aggregateEvent) => aggregateEvent switch
    {
        JournalEntryPosted e => this with
        {
            LedgerId = e.LedgerId,
            Number = e.Number,
            EffectiveDate = e.EffectiveDate,
            Description = e.Description,
            Reference = e.Reference,
            Lines = e.Lines,
            ReversalOf = e.ReversalOf,
        },
        JournalEntryReversed e => this with { ReversedBy = e.ReversedBy },
        _ => this,
    };
}

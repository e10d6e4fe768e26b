using EventFlowApp.Kernel.Events;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.Journal;

/// <summary>
/// A posted journal entry, with its lines as posted (amounts, converted amounts and the rates used).
/// <see cref="EffectiveDate"/> is the bookkeeping date; the time it was recorded is the event's timestamp.
/// <see cref="ReportingCurrency"/> is the book's reporting currency at posting time: it lets the read models
/// convert the lines for reports from this event alone (they cannot look at the book). Entries posted
/// before it was recorded read it as null.
/// </summary>
[EventVersion("JournalEntryPosted", 1)]
public sealed record JournalEntryPosted(
    GeneralLedgerId LedgerId,
    long Number,
    DateOnly EffectiveDate,
    string Description,
    string? Reference,
    IReadOnlyList<PostedLine> Lines,
    JournalEntryId? ReversalOf,
    Currency? ReportingCurrency = null) : IAggregateEvent<JournalEntry, JournalEntryId>;

/// <summary>The entry was reversed by <see cref="ReversedBy"/>, effective on <see cref="ReversalDate"/>. The entry itself stays as it was.</summary>
[EventVersion("JournalEntryReversed", 1)]
public sealed record JournalEntryReversed(JournalEntryId ReversedBy, DateOnly ReversalDate) : IAggregateEvent<JournalEntry, JournalEntryId>;

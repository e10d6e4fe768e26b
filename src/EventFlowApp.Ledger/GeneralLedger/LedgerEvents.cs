using EventFlowApp.Kernel.Events;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.GeneralLedger;

[EventVersion("LedgerOpened", 1)]
public sealed record LedgerOpened(string Name, Currency ReportingCurrency) : IAggregateEvent<GeneralLedger, GeneralLedgerId>;

/// <summary>
/// The ledger's side of a posting: the entry's number and what it did to each account's balance (in the
/// account's currency, debit positive). The entry itself is <see cref="JournalEntryPosted"/>.
/// </summary>
[EventVersion("JournalEntryRecorded", 1)]
public sealed record JournalEntryRecorded(JournalEntryId EntryId, long Number, DateOnly EffectiveDate, IReadOnlyList<BalanceChange> Changes)
    : IAggregateEvent<GeneralLedger, GeneralLedgerId>;

public sealed record BalanceChange(AccountId AccountId, decimal Amount);

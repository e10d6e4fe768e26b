using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Snapshots;

namespace EventFlowApp.Bench.Domain;

public sealed class LedgerAccountId(string value) : Identity<LedgerAccountId>(value);

public enum PostingSide
{
    Debit,
    Credit,
}

/// <summary>A ledger-like payload: one line of a journal entry posted to an account (~300 bytes of JSON).</summary>
[EventVersion("AmountPosted", 1)]
public sealed record AmountPosted(
    Guid EntryId,
    int LineNumber,
    DateOnly EffectiveDate,
    PostingSide Side,
    decimal Amount,
    string Currency,
    string CounterAccount,
    string Reference,
    string Description) : IAggregateEvent<LedgerAccount, LedgerAccountId>;

/// <summary>A running balance: small, so its snapshot stays small however long the account's history is.</summary>
[SnapshotVersion("LedgerAccountState", 1)]
public sealed record LedgerAccountState : IAggregateState<LedgerAccountState>
{
    public decimal Debits { get; init; }

    public decimal Credits { get; init; }

    public int Postings { get; init; }

    public DateOnly? LastEffectiveDate { get; init; }

    public Guid? LastEntryId { get; init; }

    public LedgerAccountState Apply(IAggregateEvent aggregateEvent) => aggregateEvent switch
    {
        AmountPosted { Side: PostingSide.Debit } e => this with
        {
            Debits = Debits + e.Amount, Postings = Postings + 1, LastEffectiveDate = e.EffectiveDate, LastEntryId = e.EntryId,
        },
        AmountPosted e => this with
        {
            Credits = Credits + e.Amount, Postings = Postings + 1, LastEffectiveDate = e.EffectiveDate, LastEntryId = e.EntryId,
        },
        _ => this,
    };
}

[AggregateName("LedgerAccount")]
public sealed class LedgerAccount(LedgerAccountId id) : AggregateRoot<LedgerAccount, LedgerAccountId, LedgerAccountState>(id)
{
    public void Post(AmountPosted posting) => Emit(posting);
}

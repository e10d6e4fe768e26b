using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Ledger.Journal;
using static EventFlowApp.Ledger.SubLedgers.CounterpartyRules;

namespace EventFlowApp.Ledger.SubLedgers;

/// <summary>
/// What a supplier and a customer do alike (register, record an item, record a payment, apply credit);
/// each subclass names its own events, so the stored history speaks of bills and invoices.
/// </summary>
public abstract class Counterparty<TAggregate, TIdentity>(TIdentity id) : AggregateRoot<TAggregate, TIdentity, CounterpartyState>(id)
    where TAggregate : Counterparty<TAggregate, TIdentity>
    where TIdentity : IIdentity
{
    private string What => $"{Kind} {Id}";

    /// <summary>"Supplier" or "Customer", for messages.</summary>
    protected abstract string Kind { get; }

    protected void RegisterAs(string name, Func<string, IAggregateEvent<TAggregate, TIdentity>> registered)
    {
        EnsureNotRegistered(IsNew, What);
        Emit(registered(RequireName(name, $"A {Kind.ToLowerInvariant()}")));
    }

    /// <summary>Checks and records a bill or an invoice; returns the id of the journal entry that posts it.</summary>
    protected JournalEntryId RecordItem(
        string itemKind, string itemId, string number, decimal amount, DateOnly issueDate, DateOnly dueDate,
        Func<string, JournalEntryId, IAggregateEvent<TAggregate, TIdentity>> recorded)
    {
        EnsureRegistered(State, IsNew, What);
        EnsureItem(State, itemId, amount, issueDate, dueDate, itemKind);
        var entry = JournalEntryId.For(State.LedgerId!, $"{Id.Value}/{itemKind.ToLowerInvariant()}/{itemId}");
        Emit(recorded(RequireName(number, $"A {itemKind.ToLowerInvariant()} number"), entry));
        return entry;
    }

    /// <summary>Checks, splits and records a payment; returns the journal entry that posts it and the event.</summary>
    protected (JournalEntryId Entry, TEvent Payment) RecordPayment<TEvent>(
        string paymentId, decimal amount, IReadOnlyList<Allocation>? requested, Func<JournalEntryId, IReadOnlyList<Allocation>, decimal, TEvent> paid)
        where TEvent : IAggregateEvent<TAggregate, TIdentity>
    {
        EnsureRegistered(State, IsNew, What);
        var (allocations, toCredit) = AllocatePayment(State, paymentId, amount, requested, "Payment");
        var entry = JournalEntryId.For(State.LedgerId!, $"{Id.Value}/payment/{paymentId}");
        var payment = paid(entry, allocations, toCredit);
        Emit(payment);
        return (entry, payment);
    }

    protected void ApplyHeldCredit(IReadOnlyList<Allocation>? requested, Func<IReadOnlyList<Allocation>, IAggregateEvent<TAggregate, TIdentity>> applied)
    {
        EnsureRegistered(State, IsNew, What);
        Emit(applied(AllocateCredit(State, requested, What)));
    }
}

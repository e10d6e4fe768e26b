using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.SubLedgers;
using static EventFlowApp.Ledger.SubLedgers.CounterpartyRules;

namespace EventFlowApp.Ledger.Payables;

/// <summary>A supplier in the payables sub-ledger: bills received, payments made, credit held.</summary>
[AggregateName("Supplier")]
public sealed class Supplier(SupplierId id) : AggregateRoot<Supplier, SupplierId, CounterpartyState>(id)
{
    private string What => $"Supplier {Id}";

    public void Register(GeneralLedgerId ledgerId, string name, Currency currency, AccountId payablesAccount)
    {
        EnsureNotRegistered(IsNew, What);
        Emit(new SupplierRegistered(ledgerId, RequireName(name, "A supplier"), currency, payablesAccount));
    }

    /// <summary>Records a bill; returns the id of the journal entry that must post it.</summary>
    public JournalEntryId ReceiveBill(string billId, string number, decimal amount, DateOnly issueDate, DateOnly dueDate, AccountId expenseAccount, string? description)
    {
        EnsureRegistered(State, IsNew, What);
        EnsureItem(State, billId, amount, issueDate, dueDate, "Bill");
        var entry = JournalEntryId.For(State.LedgerId!, $"{Id.Value}/bill/{billId}");
        Emit(new BillReceived(billId, RequireName(number, "A bill"), amount, issueDate, dueDate, expenseAccount, description?.Trim() ?? "", entry));
        return entry;
    }

    public (JournalEntryId Entry, SupplierPaid Payment) Pay(string paymentId, decimal amount, DateOnly date, AccountId bankAccount, IReadOnlyList<Allocation>? allocations)
    {
        EnsureRegistered(State, IsNew, What);
        var (allocated, toCredit) = AllocatePayment(State, paymentId, amount, allocations, "Payment");
        var entry = JournalEntryId.For(State.LedgerId!, $"{Id.Value}/payment/{paymentId}");
        var paid = new SupplierPaid(paymentId, amount, date, bankAccount, allocated, toCredit, entry);
        Emit(paid);
        return (entry, paid);
    }

    public void ApplyCredit(IReadOnlyList<Allocation>? allocations, DateOnly date)
    {
        EnsureRegistered(State, IsNew, What);
        Emit(new SupplierCreditApplied(AllocateCredit(State, allocations, What), date));
    }
}

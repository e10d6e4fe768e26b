using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.SubLedgers;
using static EventFlowApp.Ledger.SubLedgers.CounterpartyRules;

namespace EventFlowApp.Ledger.Receivables;

/// <summary>A customer in the receivables sub-ledger: invoices issued, payments received, credit held.</summary>
[AggregateName("Customer")]
public sealed class Customer(CustomerId id) : AggregateRoot<Customer, CustomerId, CounterpartyState>(id)
{
    private string What => $"Customer {Id}";

    public void Register(GeneralLedgerId ledgerId, string name, Currency currency, AccountId receivablesAccount)
    {
        EnsureNotRegistered(IsNew, What);
        Emit(new CustomerRegistered(ledgerId, RequireName(name, "A customer"), currency, receivablesAccount));
    }

    /// <summary>Records an invoice; returns the id of the journal entry that must post it.</summary>
    public JournalEntryId IssueInvoice(string invoiceId, string number, decimal amount, DateOnly issueDate, DateOnly dueDate, AccountId revenueAccount, string? description)
    {
        EnsureRegistered(State, IsNew, What);
        EnsureItem(State, invoiceId, amount, issueDate, dueDate, "Invoice");
        var entry = JournalEntryId.For(State.LedgerId!, $"{Id.Value}/invoice/{invoiceId}");
        Emit(new InvoiceIssued(invoiceId, RequireName(number, "An invoice"), amount, issueDate, dueDate, revenueAccount, description?.Trim() ?? "", entry));
        return entry;
    }

    public (JournalEntryId Entry, CustomerPaymentReceived Payment) ReceivePayment(string paymentId, decimal amount, DateOnly date, AccountId bankAccount, IReadOnlyList<Allocation>? allocations)
    {
        EnsureRegistered(State, IsNew, What);
        var (allocated, toCredit) = AllocatePayment(State, paymentId, amount, allocations, "Payment");
        var entry = JournalEntryId.For(State.LedgerId!, $"{Id.Value}/payment/{paymentId}");
        var received = new CustomerPaymentReceived(paymentId, amount, date, bankAccount, allocated, toCredit, entry);
        Emit(received);
        return (entry, received);
    }

    public void ApplyCredit(IReadOnlyList<Allocation>? allocations, DateOnly date)
    {
        EnsureRegistered(State, IsNew, What);
        Emit(new CustomerCreditApplied(AllocateCredit(State, allocations, What), date));
    }
}

using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.SubLedgers;

namespace EventFlowApp.Ledger.Receivables;

/// <summary>A customer in the receivables sub-ledger: invoices issued, payments received, credit held.</summary>
[AggregateName("Customer")]
public sealed class Customer(CustomerId id) : Counterparty<Customer, CustomerId>(id)
{
    protected override string Kind => "Customer";

    public void Register(GeneralLedgerId ledgerId, string name, Currency currency, AccountId receivablesAccount) =>
        RegisterAs(name, n => new CustomerRegistered(ledgerId, n, currency, receivablesAccount));

    public JournalEntryId IssueInvoice(string invoiceId, string number, decimal amount, DateOnly issueDate, DateOnly dueDate, AccountId revenueAccount, string? description) =>
        RecordItem("Invoice", invoiceId, number, amount, issueDate, dueDate, (n, entry) =>
            new InvoiceIssued(invoiceId, n, amount, issueDate, dueDate, revenueAccount, description?.Trim() ?? "", entry));

    public (JournalEntryId Entry, CustomerPaymentReceived Payment) ReceivePayment(string paymentId, decimal amount, DateOnly date, AccountId bankAccount, IReadOnlyList<Allocation>? allocations) =>
        RecordPayment(paymentId, amount, allocations, (entry, allocated, toCredit) =>
            new CustomerPaymentReceived(paymentId, amount, date, bankAccount, allocated, toCredit, entry));

    /// <summary>
    /// Records the invoice as overdue on <paramref name="on"/>. Nothing happens when it was settled in the
    /// meantime, is not overdue on that day, or was recorded already: the chase may ask late or twice.
    /// </summary>
    public void RecordOverdue(string invoiceId, DateOnly on)
    {
        CounterpartyRules.EnsureRegistered(State, IsNew, $"Customer {Id}");
        if (!State.Items.Items.TryGetValue(invoiceId, out var item))
        {
            throw new DomainError("item.not_found", $"Customer {Id} has no invoice {invoiceId}.");
        }

        if (item.IsOverdueOn(on) && !State.Overdue.Contains(invoiceId))
        {
            Emit(new InvoiceWentOverdue(invoiceId, item.Number, item.Outstanding, item.DueDate, on));
        }
    }

    public void ApplyCredit(IReadOnlyList<Allocation>? allocations, DateOnly date) =>
        ApplyHeldCredit(allocations, allocated => new CustomerCreditApplied(allocated, date));
}

using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.SubLedgers;

namespace EventFlowApp.Ledger.Payables;

/// <summary>A supplier in the payables sub-ledger: bills received, payments made, credit held.</summary>
[AggregateName("Supplier")]
public sealed class Supplier(SupplierId id) : Counterparty<Supplier, SupplierId>(id)
{
    protected override string Kind => "Supplier";

    public void Register(GeneralLedgerId ledgerId, string name, Currency currency, AccountId payablesAccount) =>
        RegisterAs(name, n => new SupplierRegistered(ledgerId, n, currency, payablesAccount));

    public JournalEntryId ReceiveBill(string billId, string number, decimal amount, DateOnly issueDate, DateOnly dueDate, AccountId expenseAccount, string? description) =>
        RecordItem("Bill", billId, number, amount, issueDate, dueDate, (n, entry) =>
            new BillReceived(billId, n, amount, issueDate, dueDate, expenseAccount, description?.Trim() ?? "", entry));

    public (JournalEntryId Entry, SupplierPaid Payment) Pay(string paymentId, decimal amount, DateOnly date, AccountId bankAccount, IReadOnlyList<Allocation>? allocations) =>
        RecordPayment(paymentId, amount, allocations, (entry, allocated, toCredit) =>
            new SupplierPaid(paymentId, amount, date, bankAccount, allocated, toCredit, entry));

    public void ApplyCredit(IReadOnlyList<Allocation>? allocations, DateOnly date) =>
        ApplyHeldCredit(allocations, allocated => new SupplierCreditApplied(allocated, date));
}

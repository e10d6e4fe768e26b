using EventFlowApp.Kernel.Events;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.SubLedgers;

namespace EventFlowApp.Ledger.Payables;

[EventVersion("SupplierRegistered", 1)]
public sealed record SupplierRegistered(GeneralLedgerId LedgerId, string Name, Currency Currency, AccountId PayablesAccount)
    : IAggregateEvent<Supplier, SupplierId>;

/// <summary>A bill received; <see cref="Entry"/> is the journal entry that posted it (Dr expense, Cr payables).</summary>
[EventVersion("BillReceived", 1)]
public sealed record BillReceived(string BillId, string Number, decimal Amount, DateOnly IssueDate, DateOnly DueDate, AccountId ExpenseAccount, string Description, JournalEntryId Entry)
    : IAggregateEvent<Supplier, SupplierId>;

/// <summary>A payment made; <see cref="ToCredit"/> is what exceeded the bills and is held as credit. Posted by <see cref="Entry"/> (Dr payables, Cr bank).</summary>
[EventVersion("SupplierPaid", 1)]
public sealed record SupplierPaid(string PaymentId, decimal Amount, DateOnly Date, AccountId BankAccount, IReadOnlyList<Allocation> Allocations, decimal ToCredit, JournalEntryId Entry)
    : IAggregateEvent<Supplier, SupplierId>;

/// <summary>Held credit applied to bills; no journal entry, as both sides are the payables account.</summary>
[EventVersion("SupplierCreditApplied", 1)]
public sealed record SupplierCreditApplied(IReadOnlyList<Allocation> Allocations, DateOnly Date) : IAggregateEvent<Supplier, SupplierId>;

using EventFlowApp.Kernel.Events;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.SubLedgers;

namespace EventFlowApp.Ledger.Receivables;

[EventVersion("CustomerRegistered", 1)]
public sealed record CustomerRegistered(GeneralLedgerId LedgerId, string Name, Currency Currency, AccountId ReceivablesAccount)
    : IAggregateEvent<Customer, CustomerId>;

/// <summary>An invoice issued; <see cref="Entry"/> posted it (Dr receivables, Cr revenue).</summary>
[EventVersion("InvoiceIssued", 1)]
public sealed record InvoiceIssued(string InvoiceId, string Number, decimal Amount, DateOnly IssueDate, DateOnly DueDate, AccountId RevenueAccount, string Description, JournalEntryId Entry)
    : IAggregateEvent<Customer, CustomerId>;

/// <summary>A payment received; <see cref="ToCredit"/> is held as the customer's credit. Posted by <see cref="Entry"/> (Dr bank, Cr receivables).</summary>
[EventVersion("CustomerPaymentReceived", 1)]
public sealed record CustomerPaymentReceived(string PaymentId, decimal Amount, DateOnly Date, AccountId BankAccount, IReadOnlyList<Allocation> Allocations, decimal ToCredit, JournalEntryId Entry)
    : IAggregateEvent<Customer, CustomerId>;

[EventVersion("CustomerCreditApplied", 1)]
public sealed record CustomerCreditApplied(IReadOnlyList<Allocation> Allocations, DateOnly Date) : IAggregateEvent<Customer, CustomerId>;

/// <summary>
/// An invoice still (partly) unpaid after its due date, recorded on <see cref="On"/> (the first day it
/// was overdue) by the overdue chase; <see cref="Outstanding"/> is what was owed then.
/// </summary>
[EventVersion("InvoiceWentOverdue", 1)]
public sealed record InvoiceWentOverdue(string InvoiceId, string Number, decimal Outstanding, DateOnly DueDate, DateOnly On) : IAggregateEvent<Customer, CustomerId>;

using EventFlowApp.Kernel.Commands;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.SubLedgers;

namespace EventFlowApp.Ledger.Receivables;

public sealed record RegisterCustomer(CustomerId AggregateId, GeneralLedgerId LedgerId, string Name, Currency Currency, AccountId ReceivablesAccount)
    : Command<Customer, CustomerId, ExecutionResult>(AggregateId)
{
    public override AggregateExpectation Expectation => AggregateExpectation.New;
}

[CommandName("IssueInvoice", 1)]
public sealed record IssueInvoice(CustomerId AggregateId, string InvoiceId, string Number, decimal Amount, DateOnly IssueDate, DateOnly DueDate, AccountId RevenueAccount, string? Description = null)
    : Command<Customer, CustomerId, ExecutionResult>(AggregateId);

/// <summary>Records a customer's payment; without allocations it settles the oldest invoices first, and any excess is held as credit.</summary>
[CommandName("ReceivePayment", 1)]
public sealed record ReceivePayment(CustomerId AggregateId, string PaymentId, decimal Amount, DateOnly Date, AccountId BankAccount, IReadOnlyList<Allocation>? Allocations = null)
    : Command<Customer, CustomerId, PaymentResult>(AggregateId);

public sealed record ApplyCustomerCredit(CustomerId AggregateId, DateOnly Date, IReadOnlyList<Allocation>? Allocations = null)
    : Command<Customer, CustomerId, ExecutionResult>(AggregateId);

/// <summary>Records that an invoice is overdue on <see cref="On"/>; sent by the overdue chase, so it has a stored name.</summary>
[CommandName("RecordInvoiceOverdue", 1)]
public sealed record RecordInvoiceOverdue(CustomerId AggregateId, string InvoiceId, DateOnly On)
    : Command<Customer, CustomerId, ExecutionResult>(AggregateId);

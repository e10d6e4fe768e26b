using EventFlowApp.Kernel.Commands;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.SubLedgers;

namespace EventFlowApp.Ledger.Payables;

public sealed record RegisterSupplier(SupplierId AggregateId, GeneralLedgerId LedgerId, string Name, Currency Currency, AccountId PayablesAccount)
    : Command<Supplier, SupplierId, ExecutionResult>(AggregateId)
{
    public override AggregateExpectation Expectation => AggregateExpectation.New;
}

[CommandName("ReceiveBill", 1)]
public sealed record ReceiveBill(SupplierId AggregateId, string BillId, string Number, decimal Amount, DateOnly IssueDate, DateOnly DueDate, AccountId ExpenseAccount, string? Description = null)
    : Command<Supplier, SupplierId, ExecutionResult>(AggregateId);

/// <summary>Pays a supplier; without allocations the payment settles the oldest bills first, and any excess is held as credit.</summary>
[CommandName("PaySupplier", 1)]
public sealed record PaySupplier(SupplierId AggregateId, string PaymentId, decimal Amount, DateOnly Date, AccountId BankAccount, IReadOnlyList<Allocation>? Allocations = null)
    : Command<Supplier, SupplierId, PaymentResult>(AggregateId);

public sealed record ApplySupplierCredit(SupplierId AggregateId, DateOnly Date, IReadOnlyList<Allocation>? Allocations = null)
    : Command<Supplier, SupplierId, ExecutionResult>(AggregateId);

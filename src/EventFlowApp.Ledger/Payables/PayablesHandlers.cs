using EventFlowApp.Kernel.Commands;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.SubLedgers;

namespace EventFlowApp.Ledger.Payables;

public sealed class RegisterSupplierHandler(ControlAccounts controlAccounts) : ICommandHandler<Supplier, SupplierId, ExecutionResult, RegisterSupplier>
{
    public async Task<ExecutionResult> ExecuteAsync(Supplier aggregate, RegisterSupplier command, CancellationToken cancellationToken)
    {
        await controlAccounts.EnsureAsync(command.LedgerId, command.PayablesAccount, AccountType.Liability, cancellationToken);
        aggregate.Register(command.LedgerId, command.Name, command.Currency, command.PayablesAccount);
        return ExecutionResult.Success;
    }
}

/// <summary>Records the bill and posts it (Dr expense, Cr payables) in the same transaction.</summary>
public sealed class ReceiveBillHandler(JournalPosting posting) : ICommandHandler<Supplier, SupplierId, ExecutionResult, ReceiveBill>
{
    public async Task<ExecutionResult> ExecuteAsync(Supplier aggregate, ReceiveBill command, CancellationToken cancellationToken)
    {
        var entry = aggregate.ReceiveBill(
            command.BillId, command.Number, command.Amount, command.IssueDate, command.DueDate, command.ExpenseAccount, command.Description);
        var s = aggregate.State;
        await posting.PostAsync(
            s.LedgerId!, entry, command.IssueDate, $"Bill {command.Number} from {s.Name}", command.Number,
            [new(command.ExpenseAccount, Side.Debit, command.Amount, s.Currency), new(s.ControlAccount!, Side.Credit, command.Amount, s.Currency)],
            cancellationToken);
        return ExecutionResult.Success;
    }
}

/// <summary>Records the payment and posts it (Dr payables, Cr bank) in the same transaction.</summary>
public sealed class PaySupplierHandler(JournalPosting posting) : ICommandHandler<Supplier, SupplierId, PaymentResult, PaySupplier>
{
    public async Task<PaymentResult> ExecuteAsync(Supplier aggregate, PaySupplier command, CancellationToken cancellationToken)
    {
        var (entry, paid) = aggregate.Pay(command.PaymentId, command.Amount, command.Date, command.BankAccount, command.Allocations);
        var s = aggregate.State;
        await posting.PostAsync(
            s.LedgerId!, entry, command.Date, $"Payment {command.PaymentId} to {s.Name}", command.PaymentId,
            [new(s.ControlAccount!, Side.Debit, command.Amount, s.Currency), new(command.BankAccount, Side.Credit, command.Amount, s.Currency)],
            cancellationToken);
        return new PaymentResult(paid.Allocations, paid.ToCredit);
    }
}

public sealed class ApplySupplierCreditHandler : CommandHandler<Supplier, SupplierId, ApplySupplierCredit>
{
    protected override void Execute(Supplier aggregate, ApplySupplierCredit command) => aggregate.ApplyCredit(command.Allocations, command.Date);
}

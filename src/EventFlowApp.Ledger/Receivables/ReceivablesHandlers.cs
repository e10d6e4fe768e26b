using EventFlowApp.Kernel.Commands;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.SubLedgers;

namespace EventFlowApp.Ledger.Receivables;

public sealed class RegisterCustomerHandler(ControlAccounts controlAccounts) : ICommandHandler<Customer, CustomerId, ExecutionResult, RegisterCustomer>
{
    public async Task<ExecutionResult> ExecuteAsync(Customer aggregate, RegisterCustomer command, CancellationToken cancellationToken)
    {
        await controlAccounts.EnsureAsync(command.LedgerId, command.ReceivablesAccount, AccountType.Asset, cancellationToken);
        aggregate.Register(command.LedgerId, command.Name, command.Currency, command.ReceivablesAccount);
        return ExecutionResult.Success;
    }
}

/// <summary>Records the invoice and posts it (Dr receivables, Cr revenue) in the same transaction.</summary>
public sealed class IssueInvoiceHandler(JournalPosting posting) : ICommandHandler<Customer, CustomerId, ExecutionResult, IssueInvoice>
{
    public async Task<ExecutionResult> ExecuteAsync(Customer aggregate, IssueInvoice command, CancellationToken cancellationToken)
    {
        var entry = aggregate.IssueInvoice(
            command.InvoiceId, command.Number, command.Amount, command.IssueDate, command.DueDate, command.RevenueAccount, command.Description);
        var s = aggregate.State;
        await posting.PostAsync(
            s.LedgerId!, entry, command.IssueDate, $"Invoice {command.Number} to {s.Name}", command.Number,
            [new(s.ControlAccount!, Side.Debit, command.Amount, s.Currency), new(command.RevenueAccount, Side.Credit, command.Amount, s.Currency)],
            cancellationToken);
        return ExecutionResult.Success;
    }
}

/// <summary>Records the payment and posts it (Dr bank, Cr receivables) in the same transaction.</summary>
public sealed class ReceivePaymentHandler(JournalPosting posting) : ICommandHandler<Customer, CustomerId, PaymentResult, ReceivePayment>
{
    public async Task<PaymentResult> ExecuteAsync(Customer aggregate, ReceivePayment command, CancellationToken cancellationToken)
    {
        var (entry, received) = aggregate.ReceivePayment(command.PaymentId, command.Amount, command.Date, command.BankAccount, command.Allocations);
        var s = aggregate.State;
        await posting.PostAsync(
            s.LedgerId!, entry, command.Date, $"Payment {command.PaymentId} from {s.Name}", command.PaymentId,
            [new(command.BankAccount, Side.Debit, command.Amount, s.Currency), new(s.ControlAccount!, Side.Credit, command.Amount, s.Currency)],
            cancellationToken);
        return new PaymentResult(received.Allocations, received.ToCredit);
    }
}

public sealed class ApplyCustomerCreditHandler : CommandHandler<Customer, CustomerId, ApplyCustomerCredit>
{
    protected override void Execute(Customer aggregate, ApplyCustomerCredit command) => aggregate.ApplyCredit(command.Allocations, command.Date);
}

public sealed class RecordInvoiceOverdueHandler : CommandHandler<Customer, CustomerId, RecordInvoiceOverdue>
{
    protected override void Execute(Customer aggregate, RecordInvoiceOverdue command) => aggregate.RecordOverdue(command.InvoiceId, command.On);
}

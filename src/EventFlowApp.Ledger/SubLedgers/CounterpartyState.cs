using System.Collections.Immutable;
using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Snapshots;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Payables;
using EventFlowApp.Ledger.Receivables;

namespace EventFlowApp.Ledger.SubLedgers;

/// <summary>
/// The fold of a supplier or a customer: the same shape on both sides of the business, so one state
/// serves both aggregates (each only ever sees its own events).
/// </summary>
[SnapshotVersion("CounterpartyState", 1)]
public sealed record CounterpartyState : IAggregateState<CounterpartyState>
{
    public GeneralLedgerId? LedgerId { get; init; }

    public string Name { get; init; } = "";

    public Currency Currency { get; init; }

    public AccountId? ControlAccount { get; init; }

    public OpenItems Items { get; init; } = new();

    public ImmutableHashSet<string> Payments { get; init; } = [];

    /// <summary>Items recorded as overdue (<see cref="InvoiceWentOverdue"/>); each is recorded once.</summary>
    public ImmutableHashSet<string> Overdue { get; init; } = [];

    public CounterpartyState Apply(IAggregateEvent aggregateEvent) => aggregateEvent switch
    {
        SupplierRegistered e => Registered(e.LedgerId, e.Name, e.Currency, e.PayablesAccount),
        CustomerRegistered e => Registered(e.LedgerId, e.Name, e.Currency, e.ReceivablesAccount),
        BillReceived e => WithItem(new OpenItem(e.BillId, e.Number, e.Amount, e.IssueDate, e.DueDate, 0m)),
        InvoiceIssued e => WithItem(new OpenItem(e.InvoiceId, e.Number, e.Amount, e.IssueDate, e.DueDate, 0m)),
        SupplierPaid e => Paid(e.PaymentId, e.Allocations, e.ToCredit),
        CustomerPaymentReceived e => Paid(e.PaymentId, e.Allocations, e.ToCredit),
        SupplierCreditApplied e => CreditApplied(e.Allocations),
        CustomerCreditApplied e => CreditApplied(e.Allocations),
        InvoiceWentOverdue e => this with { Overdue = Overdue.Add(e.InvoiceId) },
        _ => this,
    };

    private CounterpartyState Registered(GeneralLedgerId ledger, string name, Currency currency, AccountId control) =>
        this with { LedgerId = ledger, Name = name, Currency = currency, ControlAccount = control };

    private CounterpartyState WithItem(OpenItem item) => this with { Items = Items.Add(item) };

    private CounterpartyState Paid(string paymentId, IReadOnlyList<Allocation> allocations, decimal toCredit) => this with
    {
        Items = Items.Settle(allocations) with { Credit = Items.Credit + toCredit },
        Payments = Payments.Add(paymentId),
    };

    private CounterpartyState CreditApplied(IReadOnlyList<Allocation> allocations) =>
        this with { Items = Items.Settle(allocations) with { Credit = Items.Credit - allocations.Sum(a => a.Amount) } };
}

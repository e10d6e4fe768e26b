using System.Collections.Immutable;
using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Ledger.Receivables.OverdueChase;

/// <summary>An invoice being chased: what is still owed and when it was due.</summary>
public sealed record ChasedInvoice(string Number, decimal Outstanding, DateOnly DueDate, bool Overdue);

public sealed record OverdueChaseState : IAggregateState<OverdueChaseState>
{
    public CustomerId? Customer { get; init; }

    public ImmutableDictionary<string, ChasedInvoice> Invoices { get; init; } = ImmutableDictionary.Create<string, ChasedInvoice>(StringComparer.Ordinal);

    public OverdueChaseState Apply(IAggregateEvent aggregateEvent) => aggregateEvent switch
    {
        ChasedInvoiceIssued e => this with { Customer = e.Customer, Invoices = Invoices.SetItem(e.InvoiceId, new ChasedInvoice(e.Number, e.Amount, e.DueDate, false)) },
        ChasedInvoiceSettled e => Change(e.InvoiceId, i => i with { Outstanding = i.Outstanding - e.Amount }),
        ChasedInvoiceOverdue e => Change(e.InvoiceId, i => i with { Overdue = true }),
        _ => this,
    };

    private OverdueChaseState Change(string invoiceId, Func<ChasedInvoice, ChasedInvoice> change) =>
        this with { Invoices = Invoices.SetItem(invoiceId, change(Invoices[invoiceId])) };
}

[EventVersion("ChasedInvoiceIssued", 1)]
public sealed record ChasedInvoiceIssued(CustomerId Customer, string InvoiceId, string Number, decimal Amount, DateOnly DueDate)
    : IAggregateEvent<OverdueChase, OverdueChaseId>;

[EventVersion("ChasedInvoiceSettled", 1)]
public sealed record ChasedInvoiceSettled(string InvoiceId, decimal Amount) : IAggregateEvent<OverdueChase, OverdueChaseId>;

[EventVersion("ChasedInvoiceOverdue", 1)]
public sealed record ChasedInvoiceOverdue(string InvoiceId, DateOnly On) : IAggregateEvent<OverdueChase, OverdueChaseId>;

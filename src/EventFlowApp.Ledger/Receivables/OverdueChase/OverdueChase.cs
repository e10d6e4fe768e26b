using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Sagas;
using EventFlowApp.Ledger.SubLedgers;

namespace EventFlowApp.Ledger.Receivables.OverdueChase;

/// <summary>
/// Chases a customer's unpaid invoices (one saga per customer). An issued invoice gets a deadline at the
/// end of its due date (UTC); settling it in full (payment or credit) cancels the deadline; a deadline
/// that comes while the invoice is still open records it as overdue on the customer
/// (<see cref="RecordInvoiceOverdue"/>), which the payment reminders then act on.
/// </summary>
[AggregateName("OverdueInvoiceChase")]
[SagaLocator(typeof(OverdueChaseLocator))]
public sealed class OverdueChase(OverdueChaseId id) : AggregateSaga<OverdueChase, OverdueChaseId, OverdueChaseState>(id),
    ISagaIsStartedBy<Customer, CustomerId, InvoiceIssued>,
    ISagaHandles<Customer, CustomerId, CustomerPaymentReceived>,
    ISagaHandles<Customer, CustomerId, CustomerCreditApplied>,
    ISagaHandlesTimeout<InvoiceDue>
{
    /// <summary>The first instant an invoice is overdue: the end of its due date, in UTC.</summary>
    public static DateTimeOffset DeadlineOf(DateOnly dueDate) => new(dueDate.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public Task HandleAsync(IDomainEvent<Customer, CustomerId, InvoiceIssued> domainEvent, CancellationToken cancellationToken)
    {
        var invoice = domainEvent.AggregateEvent;
        Emit(new ChasedInvoiceIssued(domainEvent.AggregateIdentity, invoice.InvoiceId, invoice.Number, invoice.Amount, invoice.DueDate));
        RequestTimeout(invoice.InvoiceId, new InvoiceDue(invoice.InvoiceId), DeadlineOf(invoice.DueDate));
        return Task.CompletedTask;
    }

    public Task HandleAsync(IDomainEvent<Customer, CustomerId, CustomerPaymentReceived> domainEvent, CancellationToken cancellationToken)
    {
        Settle(domainEvent.AggregateEvent.Allocations);
        return Task.CompletedTask;
    }

    public Task HandleAsync(IDomainEvent<Customer, CustomerId, CustomerCreditApplied> domainEvent, CancellationToken cancellationToken)
    {
        Settle(domainEvent.AggregateEvent.Allocations);
        return Task.CompletedTask;
    }

    public Task HandleTimeoutAsync(InvoiceDue timeout, CancellationToken cancellationToken)
    {
        if (State.Data.Invoices.TryGetValue(timeout.InvoiceId, out var invoice) && invoice.Outstanding > 0m)
        {
            var overdueOn = invoice.DueDate.AddDays(1);
            Emit(new ChasedInvoiceOverdue(timeout.InvoiceId, overdueOn));
            Publish(new RecordInvoiceOverdue(State.Data.Customer!, timeout.InvoiceId, overdueOn));
        }

        return Task.CompletedTask;
    }

    private void Settle(IReadOnlyList<Allocation> allocations)
    {
        foreach (var allocation in allocations.Where(a => State.Data.Invoices.ContainsKey(a.ItemId)))
        {
            Emit(new ChasedInvoiceSettled(allocation.ItemId, allocation.Amount));
            if (State.Data.Invoices[allocation.ItemId].Outstanding == 0m)
            {
                CancelTimeout(allocation.ItemId);
            }
        }
    }
}

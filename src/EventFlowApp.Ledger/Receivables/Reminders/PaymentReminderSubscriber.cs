using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Replay;
using EventFlowApp.Kernel.Subscribers;

namespace EventFlowApp.Ledger.Receivables.Reminders;

/// <summary>
/// Sends a reminder for each invoice recorded overdue. It reaches the outside world, so it never runs
/// during a replay: rebuilding must not remind customers again of invoices chased long ago.
/// </summary>
[SubscriberName("payment-reminders")]
[DisallowReplay]
public sealed class PaymentReminderSubscriber(IPaymentReminderNotifier notifier, IAggregateStore aggregates)
    : ISubscribeAsynchronousTo<Customer, CustomerId, InvoiceWentOverdue>
{
    public async Task HandleAsync(IDomainEvent<Customer, CustomerId, InvoiceWentOverdue> domainEvent, CancellationToken cancellationToken)
    {
        var overdue = domainEvent.AggregateEvent;

        // The customer as of the event, so a later rename or payment does not change what the reminder says.
        var customer = await aggregates.LoadAsync<Customer, CustomerId>(domainEvent.AggregateIdentity, AsOf.AtVersion(domainEvent.AggregateSequenceNumber), cancellationToken);
        await notifier.SendReminderAsync(
            new PaymentReminder(
                domainEvent.EventId, domainEvent.AggregateIdentity, customer.State.Name, overdue.InvoiceId, overdue.Number, overdue.Outstanding,
                customer.State.Currency, overdue.DueDate),
            cancellationToken);
    }
}

using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger.Payables;
using EventFlowApp.Ledger.Receivables;

namespace EventFlowApp.Ledger.ReadModels.OpenItems;

/// <summary>
/// One row per allocation of a payment or of held credit to a bill or an invoice, with its date and the
/// position it was recorded at: what was paid of an item as of a date, as known at a moment, is a sum of these.
/// </summary>
[ReadModel("ledger_settlements")]
[ReadModelLocator(typeof(SettlementLocator))]
[ReadModelIndex(nameof(CounterpartyId), nameof(ItemId))]
public sealed class SettlementRow :
    IAmReadModelFor<Supplier, SupplierId, SupplierPaid>,
    IAmReadModelFor<Supplier, SupplierId, SupplierCreditApplied>,
    IAmReadModelFor<Customer, CustomerId, CustomerPaymentReceived>,
    IAmReadModelFor<Customer, CustomerId, CustomerCreditApplied>
{
    public string CounterpartyId { get; set; } = "";

    public string ItemId { get; set; } = "";

    /// <summary>The payment's id, or empty for held credit applied.</summary>
    public string PaymentId { get; set; } = "";

    public DateOnly Date { get; set; }

    public decimal Amount { get; set; }

    public long RecordedPosition { get; set; }

    /// <summary>UTC.</summary>
    public DateTime RecordedAt { get; set; }

    public void Apply(IReadModelContext context, IDomainEvent<Supplier, SupplierId, SupplierPaid> domainEvent) =>
        Record(context, domainEvent, domainEvent.AggregateEvent.PaymentId, domainEvent.AggregateEvent.Date);

    public void Apply(IReadModelContext context, IDomainEvent<Supplier, SupplierId, SupplierCreditApplied> domainEvent) =>
        Record(context, domainEvent, "", domainEvent.AggregateEvent.Date);

    public void Apply(IReadModelContext context, IDomainEvent<Customer, CustomerId, CustomerPaymentReceived> domainEvent) =>
        Record(context, domainEvent, domainEvent.AggregateEvent.PaymentId, domainEvent.AggregateEvent.Date);

    public void Apply(IReadModelContext context, IDomainEvent<Customer, CustomerId, CustomerCreditApplied> domainEvent) =>
        Record(context, domainEvent, "", domainEvent.AggregateEvent.Date);

    private void Record(IReadModelContext context, IDomainEvent domainEvent, string paymentId, DateOnly date)
    {
        CounterpartyId = domainEvent.GetIdentity().Value;
        ItemId = SettlementLocator.ItemIdOf(context.ReadModelId);
        PaymentId = paymentId;
        Date = date;
        Amount = OpenItemLocator.AllocationsOf(domainEvent).Where(a => a.ItemId == ItemId).Sum(a => a.Amount);
        RecordedPosition = Recorded.Position(domainEvent);
        RecordedAt = Recorded.Time(domainEvent);
    }
}

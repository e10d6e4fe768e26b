using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger.Payables;
using EventFlowApp.Ledger.Receivables;

namespace EventFlowApp.Ledger.ReadModels.OpenItems;

/// <summary>
/// One row per bill or invoice with what has been paid of it so far. The currency is the counterparty's
/// (<see cref="CounterpartyRow"/>). <see cref="AmountPaid"/> is the current total; reports as of a date or
/// as known at a moment add up <see cref="SettlementRow"/>s instead, which keep each payment's date and position.
/// </summary>
[ReadModel("ledger_open_items")]
[ReadModelLocator(typeof(OpenItemLocator))]
[ReadModelIndex(nameof(CounterpartyId), nameof(DueDate))]
public sealed class OpenItemRow :
    IAmReadModelFor<Supplier, SupplierId, BillReceived>,
    IAmReadModelFor<Supplier, SupplierId, SupplierPaid>,
    IAmReadModelFor<Supplier, SupplierId, SupplierCreditApplied>,
    IAmReadModelFor<Customer, CustomerId, InvoiceIssued>,
    IAmReadModelFor<Customer, CustomerId, CustomerPaymentReceived>,
    IAmReadModelFor<Customer, CustomerId, CustomerCreditApplied>
{
    public string Kind { get; set; } = "";

    public string CounterpartyId { get; set; } = "";

    public string ItemId { get; set; } = "";

    public string Number { get; set; } = "";

    public DateOnly IssueDate { get; set; }

    public DateOnly DueDate { get; set; }

    public decimal Amount { get; set; }

    public decimal AmountPaid { get; set; }

    public string EntryId { get; set; } = "";

    public long RecordedPosition { get; set; }

    /// <summary>UTC.</summary>
    public DateTime RecordedAt { get; set; }

    public void Apply(IReadModelContext context, IDomainEvent<Supplier, SupplierId, BillReceived> domainEvent)
    {
        var e = domainEvent.AggregateEvent;
        Record(CounterpartyRow.SupplierKind, domainEvent, e.BillId, e.Number, e.IssueDate, e.DueDate, e.Amount, e.Entry.Value);
    }

    public void Apply(IReadModelContext context, IDomainEvent<Customer, CustomerId, InvoiceIssued> domainEvent)
    {
        var e = domainEvent.AggregateEvent;
        Record(CounterpartyRow.CustomerKind, domainEvent, e.InvoiceId, e.Number, e.IssueDate, e.DueDate, e.Amount, e.Entry.Value);
    }

    public void Apply(IReadModelContext context, IDomainEvent<Supplier, SupplierId, SupplierPaid> domainEvent) => Settle(context, domainEvent);

    public void Apply(IReadModelContext context, IDomainEvent<Supplier, SupplierId, SupplierCreditApplied> domainEvent) => Settle(context, domainEvent);

    public void Apply(IReadModelContext context, IDomainEvent<Customer, CustomerId, CustomerPaymentReceived> domainEvent) => Settle(context, domainEvent);

    public void Apply(IReadModelContext context, IDomainEvent<Customer, CustomerId, CustomerCreditApplied> domainEvent) => Settle(context, domainEvent);

    private void Record(string kind, IDomainEvent domainEvent, string itemId, string number, DateOnly issued, DateOnly due, decimal amount, string entryId)
    {
        Kind = kind;
        CounterpartyId = domainEvent.GetIdentity().Value;
        ItemId = itemId;
        Number = number;
        IssueDate = issued;
        DueDate = due;
        Amount = amount;
        EntryId = entryId;
        RecordedPosition = Recorded.Position(domainEvent);
        RecordedAt = Recorded.Time(domainEvent);
    }

    private void Settle(IReadModelContext context, IDomainEvent domainEvent)
    {
        if (context.IsNew)
        {
            // The domain allocates only to recorded items; a row missing here means events arrived out of order.
            throw new InvalidOperationException($"An allocation to {context.ReadModelId} came before the item was recorded.");
        }

        AmountPaid += OpenItemLocator.AllocationsOf(domainEvent).Where(a => a.ItemId == ItemId).Sum(a => a.Amount);
    }
}

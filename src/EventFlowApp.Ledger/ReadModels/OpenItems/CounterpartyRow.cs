using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger.Payables;
using EventFlowApp.Ledger.Receivables;

namespace EventFlowApp.Ledger.ReadModels.OpenItems;

/// <summary>
/// One row per supplier or customer (keyed by its id): the name, book and currency its items are in. Bills
/// and invoices do not repeat them, so the ageing report joins items to this row.
/// </summary>
[ReadModel("ledger_counterparties")]
[ReadModelIndex(nameof(LedgerId), nameof(Kind))]
public sealed class CounterpartyRow :
    IAmReadModelFor<Supplier, SupplierId, SupplierRegistered>,
    IAmReadModelFor<Customer, CustomerId, CustomerRegistered>
{
    public const string SupplierKind = "Supplier";
    public const string CustomerKind = "Customer";

    public string LedgerId { get; set; } = "";

    /// <summary><see cref="SupplierKind"/> or <see cref="CustomerKind"/>.</summary>
    public string Kind { get; set; } = "";

    public string CounterpartyId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Currency { get; set; } = "";

    public string ControlAccountId { get; set; } = "";

    public long RecordedPosition { get; set; }

    public void Apply(IReadModelContext context, IDomainEvent<Supplier, SupplierId, SupplierRegistered> domainEvent)
    {
        var e = domainEvent.AggregateEvent;
        Register(SupplierKind, domainEvent, e.LedgerId.Value, e.Name, e.Currency.Code, e.PayablesAccount.Value);
    }

    public void Apply(IReadModelContext context, IDomainEvent<Customer, CustomerId, CustomerRegistered> domainEvent)
    {
        var e = domainEvent.AggregateEvent;
        Register(CustomerKind, domainEvent, e.LedgerId.Value, e.Name, e.Currency.Code, e.ReceivablesAccount.Value);
    }

    private void Register(string kind, IDomainEvent domainEvent, string ledgerId, string name, string currency, string controlAccount)
    {
        Kind = kind;
        CounterpartyId = domainEvent.GetIdentity().Value;
        LedgerId = ledgerId;
        Name = name;
        Currency = currency;
        ControlAccountId = controlAccount;
        RecordedPosition = Recorded.Position(domainEvent);
    }
}

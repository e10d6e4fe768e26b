using System.Globalization;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger.Payables;
using EventFlowApp.Ledger.Receivables;
using EventFlowApp.Ledger.SubLedgers;

namespace EventFlowApp.Ledger.ReadModels.OpenItems;

/// <summary>One row per bill or invoice, <c>{counterparty id}/{item id}</c>: the item itself and every allocation to it.</summary>
public sealed class OpenItemLocator : IReadModelLocator
{
    public IEnumerable<string> GetReadModelIds(IDomainEvent domainEvent)
    {
        var counterparty = domainEvent.GetIdentity().Value;
        return domainEvent.GetAggregateEvent() switch
        {
            BillReceived e => [ItemRowId(counterparty, e.BillId)],
            InvoiceIssued e => [ItemRowId(counterparty, e.InvoiceId)],
            _ => AllocationsOf(domainEvent).Select(a => ItemRowId(counterparty, a.ItemId)).Distinct(StringComparer.Ordinal),
        };
    }

    public static string ItemRowId(string counterpartyId, string itemId) => $"{counterpartyId}/{itemId}";

    /// <summary>The allocations of a payment or a credit application; none for other events.</summary>
    public static IReadOnlyList<Allocation> AllocationsOf(IDomainEvent domainEvent) => domainEvent.GetAggregateEvent() switch
    {
        SupplierPaid e => e.Allocations,
        SupplierCreditApplied e => e.Allocations,
        CustomerPaymentReceived e => e.Allocations,
        CustomerCreditApplied e => e.Allocations,
        _ => [],
    };
}

/// <summary>
/// One row per allocation: <c>{counterparty id}/{event sequence number}/{item id}</c>. The sequence number
/// of the payment or credit event keeps ids unique and the same on every replay (credit has no id of its own).
/// </summary>
public sealed class SettlementLocator : IReadModelLocator
{
    public IEnumerable<string> GetReadModelIds(IDomainEvent domainEvent)
    {
        var prefix = $"{domainEvent.GetIdentity().Value}/{domainEvent.AggregateSequenceNumber.ToString(CultureInfo.InvariantCulture)}/";
        return OpenItemLocator.AllocationsOf(domainEvent).Select(a => prefix + a.ItemId).Distinct(StringComparer.Ordinal);
    }

    public static string ItemIdOf(string rowId)
    {
        // Item ids may contain '/', counterparty ids and sequence numbers do not: the item id is after the second '/'.
        var first = rowId.IndexOf('/', StringComparison.Ordinal);
        return rowId[(rowId.IndexOf('/', first + 1) + 1)..];
    }
}

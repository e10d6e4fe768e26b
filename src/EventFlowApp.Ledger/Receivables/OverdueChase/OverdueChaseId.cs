using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Sagas;

namespace EventFlowApp.Ledger.Receivables.OverdueChase;

public sealed class OverdueChaseId(string value) : Identity<OverdueChaseId>(value)
{
    private static readonly Guid Namespace = new("3b8f2d71-6c4e-4a09-b5d2-8e1f7a6c0d93");

    /// <summary>One chase per customer, found again from any of the customer's events.</summary>
    public static OverdueChaseId For(CustomerId customer) => NewDeterministic(Namespace, customer.Value);
}

public sealed class OverdueChaseLocator : ISagaLocator
{
    public Task<string?> LocateSagaAsync(IDomainEvent domainEvent, CancellationToken cancellationToken) =>
        Task.FromResult(domainEvent.GetIdentity() is CustomerId customer ? OverdueChaseId.For(customer).Value : null);
}

/// <summary>The deadline of one invoice: the end of its due date.</summary>
[SagaTimeout("invoice-due", 1)]
public sealed record InvoiceDue(string InvoiceId);

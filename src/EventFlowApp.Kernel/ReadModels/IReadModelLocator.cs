using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.ReadModels;

/// <summary>
/// Says which rows of a read model an event updates. An event may update none, one or many rows (a
/// journal entry updates the balance of every account it posts to). Locators are resolved from the
/// service provider and must be pure functions of the event.
/// </summary>
public interface IReadModelLocator
{
    IEnumerable<string> GetReadModelIds(IDomainEvent domainEvent);
}

/// <summary>The default: one row per aggregate, keyed by the aggregate id.</summary>
public sealed class AggregateIdLocator : IReadModelLocator
{
    public IEnumerable<string> GetReadModelIds(IDomainEvent domainEvent)
    {
        yield return domainEvent.GetIdentity().Value;
    }
}

using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Kernel.Aggregates;

/// <summary>
/// The aggregates one command works on. A handler that must change more than its own aggregate (a
/// journal entry and the ledger it is posted to) loads the others here: everything they emit commits
/// in the same transaction as the command's own events and its source id, or nothing does. Inject it
/// into a handler; it is only usable while a command runs.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>Loads (once per command; later calls return the same instance) an aggregate to change with the command.</summary>
    Task<TAggregate> LoadAsync<TAggregate, TIdentity>(TIdentity id, CancellationToken cancellationToken)
        where TAggregate : IAggregateRoot<TIdentity>
        where TIdentity : IIdentity;
}

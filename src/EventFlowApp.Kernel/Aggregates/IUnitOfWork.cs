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

    /// <summary>
    /// The current version of each of these aggregates that has events, read in a few batched queries;
    /// ids without events are left out. A handler that works on thousands of aggregates (an import) learns
    /// this way which exist, without loading every one.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> GetVersionsAsync(IReadOnlyCollection<IIdentity> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a new, empty aggregate to the command without reading its stream (for an id that
    /// <see cref="GetVersionsAsync"/> did not list). Its events are committed as its first: should another
    /// writer create it in between, the commit fails with a concurrency conflict and the command is retried.
    /// </summary>
    TAggregate AddNew<TAggregate, TIdentity>(TIdentity id)
        where TAggregate : IAggregateRoot<TIdentity>
        where TIdentity : IIdentity;
}

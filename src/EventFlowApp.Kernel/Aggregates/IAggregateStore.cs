using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.EventStores;

namespace EventFlowApp.Kernel.Aggregates;

public interface IAggregateStore
{
    /// <summary>The current state; a new, empty aggregate (version 0) when there are no events.</summary>
    Task<TAggregate> LoadAsync<TAggregate, TIdentity>(TIdentity id, CancellationToken cancellationToken)
        where TAggregate : IAggregateRoot<TIdentity>
        where TIdentity : IIdentity;

    /// <summary>The state after a given version, or as it was at a given time (events recorded later are left out).</summary>
    Task<TAggregate> LoadAsync<TAggregate, TIdentity>(TIdentity id, AsOf asOf, CancellationToken cancellationToken)
        where TAggregate : IAggregateRoot<TIdentity>
        where TIdentity : IIdentity;

    /// <summary>
    /// The state after <paramref name="version"/>, computed backwards: from the current state (itself from the
    /// newest snapshot) each later event's inverse is folded in (<see cref="Events.IInvertibleEvent"/>). When
    /// one of those events declares no inverse, the state is replayed forwards instead; the result is the same.
    /// </summary>
    Task<TAggregate> LoadBackwardAsync<TAggregate, TIdentity>(TIdentity id, long version, CancellationToken cancellationToken)
        where TAggregate : IAggregateRoot<TIdentity>
        where TIdentity : IIdentity;

    /// <summary>
    /// Loads, lets <paramref name="update"/> decide, and commits what it emitted together with the durable
    /// record of <see cref="AggregateUpdate.Context"/>'s source id, retrying on concurrency conflicts. A source
    /// id applied before returns the first result, marked <see cref="ExecutionResult.WasDuplicate"/>.
    /// </summary>
    Task<TResult> UpdateAsync<TAggregate, TIdentity, TResult>(
        TIdentity id, AggregateUpdate request, Func<TAggregate, CancellationToken, Task<TResult>> update, CancellationToken cancellationToken)
        where TAggregate : IAggregateRoot<TIdentity>
        where TIdentity : IIdentity
        where TResult : ExecutionResult;

    /// <summary>Commits the uncommitted events of several aggregates in one transaction (imports).</summary>
    Task<IReadOnlyList<IDomainEvent>> StoreAsync(IReadOnlyList<IAggregateRoot> aggregates, CommitContext context, CancellationToken cancellationToken);
}

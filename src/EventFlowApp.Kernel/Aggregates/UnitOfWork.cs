using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.EventStores;

namespace EventFlowApp.Kernel.Aggregates;

/// <summary>One attempt of one command: the aggregates it loaded, in load order (the command's own first).</summary>
internal sealed class UnitOfWork(IAggregateStore store, IEventPersistence persistence) : IUnitOfWork
{
    private static readonly AsyncLocal<UnitOfWork?> Running = new();
    private readonly Dictionary<string, IAggregateRoot> _byId = new(StringComparer.Ordinal);
    private readonly List<IAggregateRoot> _aggregates = [];

    public static UnitOfWork? Current => Running.Value;

    public IReadOnlyList<IAggregateRoot> Aggregates => _aggregates;

    public async Task<TAggregate> LoadAsync<TAggregate, TIdentity>(TIdentity id, CancellationToken cancellationToken)
        where TAggregate : IAggregateRoot<TIdentity>
        where TIdentity : IIdentity
    {
        if (_byId.TryGetValue(id.Value, out var loaded))
        {
            return loaded is TAggregate typed
                ? typed
                : throw new InvalidOperationException($"{id.Value} was loaded as {loaded.GetType().Name}, not {typeof(TAggregate).Name}.");
        }

        var aggregate = await store.LoadAsync<TAggregate, TIdentity>(id, cancellationToken);
        _byId.Add(id.Value, aggregate);
        _aggregates.Add(aggregate);
        return aggregate;
    }

    public Task<IReadOnlyDictionary<string, long>> GetVersionsAsync(IReadOnlyCollection<IIdentity> ids, CancellationToken cancellationToken) =>
        persistence.GetStreamVersionsAsync(ids.Select(id => id.Value).ToList(), cancellationToken);

    public TAggregate AddNew<TAggregate, TIdentity>(TIdentity id)
        where TAggregate : IAggregateRoot<TIdentity>
        where TIdentity : IIdentity
    {
        if (_byId.ContainsKey(id.Value))
        {
            throw new InvalidOperationException($"{id.Value} is already part of this command.");
        }

        var aggregate = AggregateFactory.Create<TAggregate, TIdentity>(id);
        _byId.Add(id.Value, aggregate);
        _aggregates.Add(aggregate);
        return aggregate;
    }

    /// <summary>Makes this the unit of work of the current async flow until the returned scope is disposed.</summary>
    public IDisposable Enter()
    {
        var previous = Running.Value;
        Running.Value = this;
        return new Scope(() => Running.Value = previous);
    }

    private sealed class Scope(Action leave) : IDisposable
    {
        public void Dispose() => leave();
    }
}

/// <summary>The <see cref="IUnitOfWork"/> handlers get from DI: the one of the command running in this async flow.</summary>
internal sealed class CurrentUnitOfWork : IUnitOfWork
{
    public Task<TAggregate> LoadAsync<TAggregate, TIdentity>(TIdentity id, CancellationToken cancellationToken)
        where TAggregate : IAggregateRoot<TIdentity>
        where TIdentity : IIdentity =>
        Running().LoadAsync<TAggregate, TIdentity>(id, cancellationToken);

    public Task<IReadOnlyDictionary<string, long>> GetVersionsAsync(IReadOnlyCollection<IIdentity> ids, CancellationToken cancellationToken) =>
        Running().GetVersionsAsync(ids, cancellationToken);

    public TAggregate AddNew<TAggregate, TIdentity>(TIdentity id)
        where TAggregate : IAggregateRoot<TIdentity>
        where TIdentity : IIdentity =>
        Running().AddNew<TAggregate, TIdentity>(id);

    private static UnitOfWork Running() =>
        UnitOfWork.Current ?? throw new InvalidOperationException("IUnitOfWork is only usable while a command handler runs.");
}

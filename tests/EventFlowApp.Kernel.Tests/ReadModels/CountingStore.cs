using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.ReadModels.InMemory;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Tests.ReadModels;

/// <summary>The in-memory store, counting row loads and commits (round trips, for a database store); can fail a commit on demand.</summary>
public sealed class CountingStore(TimeProvider time) : IReadModelStore
{
    public InMemoryReadModelStore Inner { get; } = new(time);

    public int Loads { get; private set; }

    public int Commits { get; private set; }

    /// <summary>Thrown by the next commit, once, after nothing was stored (a dropped connection).</summary>
    public Exception? FailNextCommit { get; set; }

    public Task<TReadModel?> GetAsync<TReadModel>(string id, ReadModelView view, CancellationToken cancellationToken)
        where TReadModel : class, IReadModel => Inner.GetAsync<TReadModel>(id, view, cancellationToken);

    public Task<IReadOnlyList<TResult>> QueryAsync<TReadModel, TResult>(
        ReadModelView view, Func<IQueryable<TReadModel>, IQueryable<TResult>> query, CancellationToken cancellationToken)
        where TReadModel : class, IReadModel => Inner.QueryAsync(view, query, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadModel>> LoadAsync(
        ReadModelDefinition definition, int generation, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        Loads++;
        return Inner.LoadAsync(definition, generation, ids, cancellationToken);
    }

    public Task CommitAsync(ReadModelChanges changes, CancellationToken cancellationToken)
    {
        Commits++;
        if (FailNextCommit is { } failure)
        {
            FailNextCommit = null;
            throw failure;
        }

        return Inner.CommitAsync(changes, cancellationToken);
    }
}

public static class CountingStoreRegistration
{
    public static IServiceCollection AddReadModelStore(this IServiceCollection services, CountingStore store)
    {
        services.AddSingleton<IReadModelStore>(store);
        services.AddSingleton<IReadModelGenerationStore>(store.Inner);
        services.AddSingleton<IProcessorStore>(store.Inner);
        return services;
    }
}

namespace EventFlowApp.Kernel.ReadModels.InMemory;

public sealed partial class InMemoryReadModelStore
{
    private readonly List<ReadModelGeneration> _generations = [];

    public Task<IReadOnlyList<ReadModelGeneration>> ListAsync(string? readModel, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<ReadModelGeneration> list = _generations
                .Where(g => readModel is null || g.ReadModel == readModel)
                .OrderBy(g => g.ReadModel, StringComparer.Ordinal).ThenBy(g => g.Generation)
                .ToList();
            return Task.FromResult(list);
        }
    }

    public Task<ReadModelGeneration?> GetAsync(string readModel, int generation, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Find(readModel, generation));
        }
    }

    public Task<ReadModelGeneration> CreateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        GenerationRules.Validate(request);
        lock (_lock)
        {
            var existing = _generations.Where(g => g.ReadModel == request.ReadModel).ToList();
            GenerationRules.CheckCreate(request, existing);
            var number = existing.Count == 0 ? 1 : existing.Max(g => g.Generation) + 1;
            var generation = new ReadModelGeneration(
                request.ReadModel, number, request.State, request.Name, request.UpToPosition, request.UpToTime, time.GetUtcNow(), null, null);
            _generations.Add(generation);
            CreateProcessor(generation.ProcessorName);
            return Task.FromResult(generation);
        }
    }

    public Task MakeLiveAsync(string readModel, int generation, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var target = Find(readModel, generation) ?? throw GenerationRules.NotFound(readModel, generation);
            GenerationRules.CheckMakeLive(target);
            var now = time.GetUtcNow();
            if (_generations.FirstOrDefault(g => g.ReadModel == readModel && g.State == GenerationState.Live) is { } live && live != target)
            {
                Replace(live, live with { State = GenerationState.Retired, CompletedAt = now });
            }

            Replace(target, target with { State = GenerationState.Live, CompletedAt = now });
        }

        return Task.CompletedTask;
    }

    public Task EndAsync(string readModel, int generation, GenerationState state, string? error, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var target = Find(readModel, generation) ?? throw GenerationRules.NotFound(readModel, generation);
            GenerationRules.CheckEnd(target, state);
            Replace(target, target with { State = state, Error = error, CompletedAt = time.GetUtcNow() });
        }

        return Task.CompletedTask;
    }

    public Task DropAsync(string readModel, int generation, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var target = Find(readModel, generation) ?? throw GenerationRules.NotFound(readModel, generation);
            GenerationRules.CheckDrop(target);
            _rows.Remove((readModel, generation));
            _generations.Remove(target);
            RemoveProcessor(target.ProcessorName);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The generation a view reads, or 0 (no rows) for the live view of a read model that has no live
    /// generation yet (its first one is created when a processor host first sees it); the caller holds the lock.
    /// </summary>
    private int ResolveView(string readModel, ReadModelView view)
    {
        if (view.IsLive && !_generations.Any(g => g.ReadModel == readModel && g.State == GenerationState.Live))
        {
            return 0;
        }

        var match = view switch
        {
            { IsLive: true } => _generations.FirstOrDefault(g => g.ReadModel == readModel && g.State == GenerationState.Live),
            { Generation: { } number } => Find(readModel, number),
            _ => _generations.FirstOrDefault(g => g.ReadModel == readModel && g.Name == view.GenerationName),
        };
        return match?.Generation ?? throw new ReadModelGenerationNotFoundException(readModel, view);
    }

    private ReadModelGeneration? Find(string readModel, int generation) =>
        _generations.FirstOrDefault(g => g.ReadModel == readModel && g.Generation == generation);

    private void Replace(ReadModelGeneration old, ReadModelGeneration updated) =>
        _generations[_generations.IndexOf(old)] = updated;
}

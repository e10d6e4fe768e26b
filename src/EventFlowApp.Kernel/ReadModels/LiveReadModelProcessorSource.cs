using EventFlowApp.Kernel.Processors;

namespace EventFlowApp.Kernel.ReadModels;

/// <summary>
/// The processors that keep each read model's live generation up to date. A read model seen for the
/// first time gets generation 1, live at once, and catches up from position 0.
/// </summary>
public sealed class LiveReadModelProcessorSource(ReadModelRegistry registry, IReadModelGenerationStore generations, ReadModelProcessorFactory processors)
    : ITrackedProcessorSource
{
    public async Task<IReadOnlyList<ITrackedProcessor>> GetProcessorsAsync(CancellationToken cancellationToken)
    {
        var all = await generations.ListAsync(null, cancellationToken);
        var result = new List<ITrackedProcessor>();
        foreach (var definition in registry.All)
        {
            var live = all.FirstOrDefault(g => g.ReadModel == definition.Name && g.State == GenerationState.Live)
                ?? await CreateFirstAsync(definition, all, cancellationToken);
            if (live is not null)
            {
                result.Add(processors.Create(live));
            }
        }

        return result;
    }

    private async Task<ReadModelGeneration?> CreateFirstAsync(ReadModelDefinition definition, IReadOnlyList<ReadModelGeneration> all, CancellationToken cancellationToken)
    {
        if (!GenerationRules.CanStartLive(all.Where(g => g.ReadModel == definition.Name)))
        {
            // A first rebuild has not switched yet: nothing to follow until it has.
            return null;
        }

        try
        {
            return await generations.CreateAsync(new GenerationRequest(definition.Name, GenerationState.Live), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Another node created it first (the store refuses a second first generation); use theirs.
            var again = await generations.ListAsync(definition.Name, cancellationToken);
            var theirs = again.FirstOrDefault(g => g.State == GenerationState.Live);
            if (theirs is null)
            {
                throw;
            }

            return theirs;
        }
    }
}

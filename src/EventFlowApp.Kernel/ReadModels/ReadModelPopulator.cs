using EventFlowApp.Kernel.Processors;

namespace EventFlowApp.Kernel.ReadModels;

public sealed class ReadModelPopulator(
    ReadModelRegistry registry,
    IReadModelGenerationStore generations,
    ReadModelProcessorFactory processors,
    TrackedProcessorRunner runner,
    TimeProvider time) : IReadModelPopulator
{
    private const string CancelledReason = "Cancelled before it caught up; the live generation was not touched.";

    public Task<ReadModelGeneration> StartRebuildAsync(string readModel, CancellationToken cancellationToken) =>
        generations.CreateAsync(new GenerationRequest(registry.Get(readModel).Name, GenerationState.Building), cancellationToken);

    public Task<ReadModelGeneration> StartPointInTimeAsync(
        string readModel, string name, long? upToPosition, DateTimeOffset? upToTime, CancellationToken cancellationToken)
    {
        if (upToPosition is null == upToTime is null)
        {
            throw new ArgumentException("A point-in-time generation ends at a position or at a time (exactly one of them).");
        }

        if (upToTime > time.GetUtcNow())
        {
            throw new ArgumentException($"{upToTime:O} is in the future: a point-in-time generation shows what was known at a past moment.");
        }

        return generations.CreateAsync(
            new GenerationRequest(registry.Get(readModel).Name, GenerationState.Building, name, upToPosition, upToTime), cancellationToken);
    }

    public async Task<RebuildResult> RebuildAsync(string readModel, IProgress<ProcessorProgress>? progress, CancellationToken cancellationToken)
    {
        var generation = await StartRebuildAsync(readModel, cancellationToken);
        return await RunAsync(readModel, generation.Generation, progress, cancellationToken);
    }

    public async Task<RebuildResult> RunAsync(
        string readModel, int generation, IProgress<ProcessorProgress>? progress, CancellationToken cancellationToken, bool resumableOnCancel = false)
    {
        var target = await generations.GetAsync(readModel, generation, cancellationToken) ?? throw GenerationRules.NotFound(readModel, generation);
        if (target.State != GenerationState.Building)
        {
            throw new ReadModelStateException($"Generation {generation} of '{readModel}' is {target.State}; only a building generation runs.");
        }

        ProcessorRunResult run;
        try
        {
            run = await runner.CatchUpAsync(processors.Create(target), progress, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !resumableOnCancel)
        {
            await generations.EndAsync(readModel, generation, GenerationState.Cancelled, CancelledReason, CancellationToken.None);
            throw;
        }

        switch (run.Outcome)
        {
            case ProcessorRunOutcome.CaughtUp:
                await generations.MakeLiveAsync(readModel, generation, cancellationToken);
                break;
            case ProcessorRunOutcome.Completed:
                await generations.EndAsync(readModel, generation, GenerationState.Complete, null, cancellationToken);
                break;
            case ProcessorRunOutcome.Stopped:
                var failure = run.Failure!;
                await generations.EndAsync(
                    readModel, generation, GenerationState.Failed, $"Event at position {failure.Position} ({failure.EventName}) failed: {failure.Error}", cancellationToken);
                break;

            // HeldElsewhere / LeaseLost: another node runs this generation; leave it to that node.
        }

        var ended = await generations.GetAsync(readModel, generation, cancellationToken) ?? target;
        return new RebuildResult(ended, run);
    }

    public async Task<bool> CancelAsync(string readModel, int generation, CancellationToken cancellationToken)
    {
        var target = await generations.GetAsync(readModel, generation, cancellationToken) ?? throw GenerationRules.NotFound(readModel, generation);
        if (target.State != GenerationState.Building)
        {
            return false;
        }

        await generations.EndAsync(readModel, generation, GenerationState.Cancelled, CancelledReason, cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<ReadModelGeneration>> DropEndedAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - olderThan;
        var dropped = new List<ReadModelGeneration>();
        foreach (var generation in await generations.ListAsync(null, cancellationToken))
        {
            if (generation.State is GenerationState.Retired or GenerationState.Failed or GenerationState.Cancelled && generation.CompletedAt <= cutoff)
            {
                await generations.DropAsync(generation.ReadModel, generation.Generation, cancellationToken);
                dropped.Add(generation);
            }
        }

        return dropped;
    }
}

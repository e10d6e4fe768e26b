using EventFlowApp.Kernel.Processors;

namespace EventFlowApp.Kernel.ReadModels;

/// <summary>
/// Rebuilds read models from the event store. A complete rebuild is blue/green: a new generation is
/// filled beside the live one and switched live in one transaction when it has caught up. A
/// point-in-time rebuild stops at a position or a time and is kept under a name. Both run in the
/// caller (a job, a test, the processor host) and resume from their checkpoint after a crash.
/// </summary>
public interface IReadModelPopulator
{
    /// <summary>Creates a Building generation for a complete rebuild; run it with <see cref="RunAsync"/>.</summary>
    Task<ReadModelGeneration> StartRebuildAsync(string readModel, CancellationToken cancellationToken);

    /// <summary>Creates a named point-in-time generation (up to a global position, or events recorded up to a time).</summary>
    Task<ReadModelGeneration> StartPointInTimeAsync(string readModel, string name, long? upToPosition, DateTimeOffset? upToTime, CancellationToken cancellationToken);

    /// <summary>
    /// Fills a Building generation from its checkpoint to the end and then switches it live (a complete
    /// rebuild) or marks it Complete (point in time). A failing event marks it Failed with the reason;
    /// cancelling marks it Cancelled and throws <see cref="OperationCanceledException"/>; either way the
    /// live generation is untouched. Another node already running it: outcome HeldElsewhere.
    /// With <paramref name="resumableOnCancel"/> a cancellation (a node shutting down, not an operator
    /// cancelling) leaves the generation Building, to be resumed from its checkpoint.
    /// </summary>
    Task<RebuildResult> RunAsync(
        string readModel, int generation, IProgress<ProcessorProgress>? progress, CancellationToken cancellationToken, bool resumableOnCancel = false);

    /// <summary><see cref="StartRebuildAsync"/> then <see cref="RunAsync"/>.</summary>
    Task<RebuildResult> RebuildAsync(string readModel, IProgress<ProcessorProgress>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// Ends a Building generation as Cancelled (an operator gave up on it, after its run stopped); the live
    /// generation is untouched. False when the generation had already ended.
    /// </summary>
    Task<bool> CancelAsync(string readModel, int generation, CancellationToken cancellationToken);

    /// <summary>Drops generations that are not live and ended (retired, failed, cancelled) more than <paramref name="olderThan"/> ago.</summary>
    Task<IReadOnlyList<ReadModelGeneration>> DropEndedAsync(TimeSpan olderThan, CancellationToken cancellationToken);
}

public sealed record RebuildResult(ReadModelGeneration Generation, ProcessorRunResult Run)
{
    public bool Succeeded => Generation.State is GenerationState.Live or GenerationState.Complete;
}

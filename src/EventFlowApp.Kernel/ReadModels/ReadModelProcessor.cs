using EventFlowApp.Kernel.Processors;

namespace EventFlowApp.Kernel.ReadModels;

/// <summary>
/// Fills one generation of one read model: per batch, one load of the rows the batch touches and one
/// commit of the changed rows together with the checkpoint.
/// </summary>
public sealed class ReadModelProcessor(ReadModelBatchApplier applier, ReadModelGeneration generation, IReadModelStore store, ProcessorErrorPolicy errorPolicy)
    : ITrackedProcessor
{
    public string Name => Generation.ProcessorName;

    public ReadModelGeneration Generation { get; } = generation;

    public ProcessorErrorPolicy ErrorPolicy { get; } = errorPolicy;

    public long? StopAfterPosition => Generation.UpToPosition;

    public DateTimeOffset? StopAfterTime => Generation.UpToTime;

    public async Task ProcessAsync(ProcessorBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var located = applier.Locate(batch.Events);
        var ids = located.SelectMany(x => x).Distinct(StringComparer.Ordinal).ToList();
        var loaded = ids.Count == 0
            ? new Dictionary<string, IReadModel>()
            : await store.LoadAsync(applier.Definition, Generation.Generation, ids, cancellationToken);
        var (upserts, deletes) = applier.Apply(batch.Events, located, loaded);
        await store.CommitAsync(new ReadModelChanges(applier.Definition, Generation.Generation, upserts, deletes, batch.Checkpoint), cancellationToken);
    }
}

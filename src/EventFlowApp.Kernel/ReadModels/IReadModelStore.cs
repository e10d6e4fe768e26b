using EventFlowApp.Kernel.Processors;

namespace EventFlowApp.Kernel.ReadModels;

/// <summary>
/// The rows of every read model, by generation. Queries read the live generation unless told
/// otherwise; processors load and store rows a batch at a time, and a batch's rows and its processor's
/// checkpoint are stored in one transaction.
/// </summary>
public interface IReadModelStore
{
    /// <summary>
    /// One row, or null. Throws <see cref="ReadModelGenerationNotFoundException"/> when a named or numbered
    /// view names no generation; the live view of a read model with no live generation yet has no rows.
    /// </summary>
    Task<TReadModel?> GetAsync<TReadModel>(string id, ReadModelView view, CancellationToken cancellationToken)
        where TReadModel : class, IReadModel;

    /// <summary>
    /// Runs <paramref name="query"/> over the rows of one generation and materialises the result. The
    /// query is translated to SQL by database stores: keep it to what LINQ providers translate
    /// (Where, GroupBy, Sum, OrderBy, Select to a new type).
    /// </summary>
    Task<IReadOnlyList<TResult>> QueryAsync<TReadModel, TResult>(
        ReadModelView view, Func<IQueryable<TReadModel>, IQueryable<TResult>> query, CancellationToken cancellationToken)
        where TReadModel : class, IReadModel;

    /// <summary>The stored rows among <paramref name="ids"/> (missing ids are left out), in one round trip or a few.</summary>
    Task<IReadOnlyDictionary<string, IReadModel>> LoadAsync(
        ReadModelDefinition definition, int generation, IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the changed rows and advances the processor's checkpoint in one transaction. Throws
    /// <see cref="ProcessorLeaseLostException"/> (and stores nothing) when the caller no longer holds the
    /// processor or its checkpoint moved.
    /// </summary>
    Task CommitAsync(ReadModelChanges changes, CancellationToken cancellationToken);
}

/// <summary>A batch's effect on one generation: rows to insert or replace, rows to delete, and the checkpoint move.</summary>
public sealed record ReadModelChanges(
    ReadModelDefinition Definition,
    int Generation,
    IReadOnlyDictionary<string, IReadModel> Upserts,
    IReadOnlyCollection<string> Deletes,
    CheckpointAdvance Checkpoint);

public sealed class ReadModelGenerationNotFoundException(string readModel, ReadModelView view)
    : InvalidOperationException($"Read model '{readModel}' has no {view} generation.")
{
    public string ReadModel { get; } = readModel;

    public ReadModelView View { get; } = view;
}

using EventFlowApp.Kernel.ReadModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EventFlowApp.Kernel.EntityFramework.ReadModels;

public sealed partial class EfReadModelStore
{
    private const string Live = nameof(GenerationState.Live);

    public async Task<IReadOnlyList<ReadModelGeneration>> ListAsync(string? readModel, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await context.Generations.AsNoTracking()
            .Where(g => readModel == null || g.ReadModel == readModel)
            .ToListAsync(cancellationToken);

        // Ordered here, not in SQL: database collations sort '_' differently from the ordinal order the in-memory store uses.
        return rows.Select(ToModel).OrderBy(g => g.ReadModel, StringComparer.Ordinal).ThenBy(g => g.Generation).ToList();
    }

    public async Task<ReadModelGeneration?> GetAsync(string readModel, int generation, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await FindAsync(context, readModel, generation, cancellationToken);
        return row is null ? null : ToModel(row);
    }

    public async Task<ReadModelGeneration> CreateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        GenerationRules.Validate(request);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var existing = (await context.Generations.AsNoTracking().Where(g => g.ReadModel == request.ReadModel).ToListAsync(cancellationToken))
            .Select(ToModel).ToList();
        GenerationRules.CheckCreate(request, existing);
        var number = existing.Count == 0 ? 1 : existing.Max(g => g.Generation) + 1;
        var now = Now();
        var generation = new ReadModelGeneration(
            request.ReadModel, number, request.State, request.Name, request.UpToPosition, request.UpToTime, Utc(now), null, null);
        context.Generations.Add(new GenerationEntity
        {
            ReadModel = request.ReadModel,
            Generation = number,
            State = request.State.ToString(),
            Name = request.Name,
            UpToPosition = request.UpToPosition,
            UpToTime = request.UpToTime?.UtcDateTime,
            CreatedAt = now,
        });

        // A processor left behind under this name (deleted by hand, say) starts over, as in the in-memory store.
        await DeleteProcessorWithinAsync(context, generation.ProcessorName, cancellationToken);
        context.Processors.Add(NewProcessor(generation.ProcessorName, now));
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // The checks above ran on what this transaction saw; the keys and unique indexes catch a node that created one meanwhile.
            throw new InvalidOperationException(
                $"Read model '{request.ReadModel}' got another generation{(request.Name is null ? "" : $" or the name '{request.Name}'")} while this one was created; nothing was stored.",
                e);
        }

        return generation;
    }

    public async Task MakeLiveAsync(string readModel, int generation, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var target = await FindAsync(context, readModel, generation, cancellationToken) ?? throw GenerationRules.NotFound(readModel, generation);
        GenerationRules.CheckMakeLive(ToModel(target));
        var now = (DateTime?)Now();

        // Retire first: the unique index on the live generation is checked statement by statement.
        await context.Generations
            .Where(g => g.ReadModel == readModel && g.State == Live && g.Generation != generation)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.State, nameof(GenerationState.Retired)).SetProperty(g => g.CompletedAt, now), cancellationToken);
        var switched = await context.Generations
            .Where(g => g.ReadModel == readModel && g.Generation == generation && g.State == target.State)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.State, Live).SetProperty(g => g.CompletedAt, now), cancellationToken);
        EnsureUnchanged(switched, readModel, generation);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task EndAsync(string readModel, int generation, GenerationState state, string? error, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var target = await FindAsync(context, readModel, generation, cancellationToken) ?? throw GenerationRules.NotFound(readModel, generation);
        GenerationRules.CheckEnd(ToModel(target), state);
        var now = (DateTime?)Now();
        var ended = await context.Generations
            .Where(g => g.ReadModel == readModel && g.Generation == generation && g.State == target.State)
            .ExecuteUpdateAsync(
                s => s.SetProperty(g => g.State, state.ToString()).SetProperty(g => g.Error, error).SetProperty(g => g.CompletedAt, now),
                cancellationToken);
        EnsureUnchanged(ended, readModel, generation);
    }

    public async Task DropAsync(string readModel, int generation, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var target = await FindAsync(context, readModel, generation, cancellationToken) ?? throw GenerationRules.NotFound(readModel, generation);
        var model = ToModel(target);
        GenerationRules.CheckDrop(model);
        var dropped = await context.Generations
            .Where(g => g.ReadModel == readModel && g.Generation == generation && g.State == target.State)
            .ExecuteDeleteAsync(cancellationToken);
        EnsureUnchanged(dropped, readModel, generation);

        // A read model this application does not register has no table we know of; its generation and processor still go.
        if (context.Catalog.TryGet(readModel, out var definition))
        {
            var table = TableOf(context, definition);
            await using var delete = context.Database.GetDbConnection().CreateCommand();
            delete.Transaction = transaction.GetDbTransaction();
            delete.CommandText = ReadModelSql.DeleteGeneration(database.Provider, table.Name);
            delete.Parameters.Add(table.GenerationMapping.CreateParameter(delete, ReadModelSql.ParameterName(database.Provider, 0), generation, nullable: false));
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await DeleteProcessorWithinAsync(context, model.ProcessorName, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The generation a view reads, or <see cref="ReadModelGenerationNotFoundException"/>; the live view of a
    /// read model with no live generation yet reads generation 0, which has no rows (as in the in-memory store).
    /// </summary>
    private static async Task<int> ResolveViewAsync(ReadModelDbContext context, string readModel, ReadModelView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        var generations = context.Generations.AsNoTracking().Where(g => g.ReadModel == readModel);
        generations = view switch
        {
            { IsLive: true } => generations.Where(g => g.State == Live),
            { Generation: { } number } => generations.Where(g => g.Generation == number),
            _ => generations.Where(g => g.Name == view.GenerationName),
        };
        var found = await generations.Select(g => (int?)g.Generation).FirstOrDefaultAsync(cancellationToken);
        return found ?? (view.IsLive ? 0 : throw new ReadModelGenerationNotFoundException(readModel, view));
    }

    private static Task<GenerationEntity?> FindAsync(ReadModelDbContext context, string readModel, int generation, CancellationToken cancellationToken) =>
        context.Generations.AsNoTracking().FirstOrDefaultAsync(g => g.ReadModel == readModel && g.Generation == generation, cancellationToken);

    /// <summary>Changes are conditional on the state that was checked; none changed means another node got there first.</summary>
    private static void EnsureUnchanged(int rows, string readModel, int generation)
    {
        if (rows == 0)
        {
            throw new InvalidOperationException($"Generation {generation} of '{readModel}' changed while this change was made; nothing was stored.");
        }
    }

    private static ReadModelGeneration ToModel(GenerationEntity e) => new(
        e.ReadModel,
        e.Generation,
        Enum.Parse<GenerationState>(e.State),
        e.Name,
        e.UpToPosition,
        e.UpToTime is { } upTo ? Utc(upTo) : null,
        Utc(e.CreatedAt),
        e.CompletedAt is { } completed ? Utc(completed) : null,
        e.Error);
}

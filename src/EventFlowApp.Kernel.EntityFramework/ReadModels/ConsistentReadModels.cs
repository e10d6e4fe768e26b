using System.Data.Common;
using EventFlowApp.Kernel.EntityFramework.Configuration;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.ReadModels;
using Microsoft.EntityFrameworkCore;

namespace EventFlowApp.Kernel.EntityFramework.ReadModels;

/// <summary>
/// Updates the consistent-on-write read models (<see cref="ReadModelAttribute.ConsistentOnWrite"/>) inside
/// the event store's append transaction, so a command's caller reads its own write. The live generation
/// (and a complete rebuild beside it) is updated only when its processor has processed everything before
/// this commit; otherwise the events are left to the tracked processor, which would otherwise apply them
/// twice or out of order.
/// <para>
/// No lease is needed: appends are serialised by the append lock, and the processor row is locked
/// before it is read. A tracked processor that holds the same generation is fenced by position: its
/// checkpoint UPDATE expects the position it read, which this update has moved, so its batch rolls back
/// and it reads on from the new position.
/// </para>
/// </summary>
public sealed class ConsistentReadModels(
    ReadModelCatalog catalog,
    EventDefinitionService events,
    EventSerializer serializer,
    EfReadModelStore store,
    DatabaseOptions database,
    ReadModelProcessorFactory processors,
    TimeProvider time)
{
    private readonly Lazy<DbContextOptions<ReadModelDbContext>> _options = new(() => EventStoreDbContextConfigurator.ReadModelOptions(database, catalog));

    /// <summary>Applies the committed events; throws <see cref="ConsistentReadModelException"/> (the caller rolls the commit back) when one fails.</summary>
    public async Task ApplyAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<CommittedEvent> committed, CancellationToken cancellationToken)
    {
        if (catalog.ConsistentOnWrite.Count == 0 || committed.Count == 0)
        {
            return;
        }

        var affected = Affected(committed);
        if (affected.Count == 0)
        {
            return;
        }

        // Not pooled: the context borrows the append transaction's connection, which must never stay in a pool.
        await using var context = new ReadModelDbContext(_options.Value);
        context.Database.SetDbConnection(connection);
        await context.Database.UseTransactionAsync(transaction, cancellationToken);
        var sql = new ConsistentReadModelSql(database.Provider, connection, transaction);
        var first = committed.Min(c => c.GlobalSequenceNumber);
        var last = committed.Max(c => c.GlobalSequenceNumber);
        var before = await sql.HighestPositionBeforeAsync(first, cancellationToken);
        foreach (var (definition, rows) in affected)
        {
            await ApplyAsync(context, sql, definition, rows, before, last, cancellationToken);
        }
    }

    private async Task ApplyAsync(
        ReadModelDbContext context, ConsistentReadModelSql sql, ReadModelDefinition definition, List<CommittedEvent> rows, long before, long last, CancellationToken cancellationToken)
    {
        // The live generation, and a complete rebuild that has caught up: it then stays current through
        // every commit, so when it switches live a read right after the switch still sees its own write.
        var generations = await context.Generations.AsNoTracking()
            .Where(g => g.ReadModel == definition.Name && g.UpToPosition == null && g.UpToTime == null &&
                        (g.State == nameof(GenerationState.Live) || g.State == nameof(GenerationState.Building)))
            .OrderBy(g => g.Generation)
            .Select(g => g.Generation)
            .ToListAsync(cancellationToken);
        foreach (var generation in generations)
        {
            await ApplyToAsync(context, sql, definition, generation, rows, before, last, cancellationToken);
        }
    }

    private async Task ApplyToAsync(
        ReadModelDbContext context, ConsistentReadModelSql sql, ReadModelDefinition definition, int generation, List<CommittedEvent> rows, long before, long last, CancellationToken cancellationToken)
    {
        var processor = ReadModelGeneration.ProcessorNameFor(definition.Name, generation);
        var state = await sql.LockProcessorAsync(processor, cancellationToken);
        if (state is not { Position: var position, Active: true } || position < before)
        {
            return;
        }

        try
        {
            var domainEvents = rows.ConvertAll(serializer.Deserialize);
            var applier = processors.Applier(definition);
            var located = applier.Locate(domainEvents);
            var loaded = new Dictionary<string, IReadModel>(StringComparer.Ordinal);
            await store.LoadInto(context, definition, generation, located.SelectMany(ids => ids), loaded, cancellationToken);
            var (upserts, deletes) = applier.Apply(domainEvents, located, loaded);
            await ReadModelWriter.WriteAsync(
                database.Provider, sql.Connection, sql.Transaction, store.TableOf(context, definition), generation, upserts, deletes, cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var moved = await context.Processors
                .Where(p => p.Name == processor && p.Position == position)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Position, last).SetProperty(p => p.UpdatedAt, now), cancellationToken);
            if (moved != 1)
            {
                throw new InvalidOperationException($"Processor '{processor}' moved although its row was locked.");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ConsistentReadModelException(definition.Name, generation, e);
        }
    }

    /// <summary>The consistent read models that handle any of the committed events, each with those events in order.</summary>
    private List<(ReadModelDefinition Definition, List<CommittedEvent> Rows)> Affected(IReadOnlyList<CommittedEvent> committed)
    {
        var types = committed.Select(c => events.TryGet(c.Event.EventName, c.Event.EventVersion, out var d) ? d.Type : null).ToList();
        var affected = new List<(ReadModelDefinition, List<CommittedEvent>)>();
        foreach (var definition in catalog.ConsistentOnWrite)
        {
            var rows = committed.Where((_, i) => types[i] is { } type && definition.Handles(type)).OrderBy(c => c.GlobalSequenceNumber).ToList();
            if (rows.Count > 0)
            {
                affected.Add((definition, rows));
            }
        }

        return affected;
    }
}

/// <summary>A consistent-on-write read model failed inside a commit: the commit stored nothing.</summary>
public sealed class ConsistentReadModelException(string readModel, int generation, Exception inner)
    : InvalidOperationException(
        $"Consistent-on-write read model '{readModel}' (generation {generation}) failed, so the commit was rolled back and nothing was stored: {inner.Message}",
        inner)
{
    public string ReadModel { get; } = readModel;
}

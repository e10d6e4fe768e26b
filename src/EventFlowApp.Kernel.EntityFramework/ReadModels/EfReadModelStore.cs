using System.Collections.Concurrent;
using System.Reflection;
using EventFlowApp.Kernel.EntityFramework.Configuration;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EventFlowApp.Kernel.EntityFramework.ReadModels;

/// <summary>
/// Read-model rows, generations and processor state in the application's database, with the semantics
/// of the in-memory reference store. Queries are EF LINQ (translated to SQL, no tracking); a batch is
/// stored with hand-built multi-row upserts (see <see cref="ReadModelSql"/>) in the same transaction as
/// its fenced checkpoint move.
/// </summary>
public sealed partial class EfReadModelStore(IDbContextFactory<ReadModelDbContext> contexts, DatabaseOptions database, TimeProvider time)
    : IReadModelStore, IReadModelGenerationStore, IProcessorStore
{
    /// <summary>Ids per load query: one round trip per chunk, under SQL Server's 2,100 parameters.</summary>
    public const int IdsPerQuery = 1000;

    private static readonly MethodInfo LoadChunkMethod =
        typeof(EfReadModelStore).GetMethod(nameof(LoadChunkAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly ConcurrentDictionary<Type, ReadModelTable> _tables = new();
    private readonly ConcurrentDictionary<Type, LoadChunk> _loaders = new();

    /// <param name="postgresTable">The quoted table on PostgreSQL (loaded with <see cref="PostgreSqlLoad"/>), else null.</param>
    private delegate Task<List<KeyValuePair<string, IReadModel>>> LoadChunk(
        ReadModelDbContext context, string? postgresTable, int generation, string[] ids, CancellationToken cancellationToken);

    public async Task<TReadModel?> GetAsync<TReadModel>(string id, ReadModelView view, CancellationToken cancellationToken)
        where TReadModel : class, IReadModel
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var definition = context.Catalog.Get(typeof(TReadModel));
        var generation = await ResolveViewAsync(context, definition.Name, view, cancellationToken);
        return await Rows<TReadModel>(context, generation)
            .Where(r => EF.Property<string>(r, ReadModelColumns.IdProperty) == id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TResult>> QueryAsync<TReadModel, TResult>(
        ReadModelView view, Func<IQueryable<TReadModel>, IQueryable<TResult>> query, CancellationToken cancellationToken)
        where TReadModel : class, IReadModel
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var definition = context.Catalog.Get(typeof(TReadModel));
        var generation = await ResolveViewAsync(context, definition.Name, view, cancellationToken);
        return await query(Rows<TReadModel>(context, generation)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, IReadModel>> LoadAsync(
        ReadModelDefinition definition, int generation, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(ids);
        var found = new Dictionary<string, IReadModel>(ids.Count, StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return found;
        }

        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        context.Catalog.Get(definition.Type);
        await LoadInto(context, definition, generation, ids, found, cancellationToken);
        return found;
    }

    public async Task CommitAsync(ReadModelChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        CheckIds(changes);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var table = TableOf(context, changes.Definition);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);

        // The fenced checkpoint move goes first: it locks the processor's row, so every writer of this
        // generation (another node, the consistent-on-write update) takes its locks in the same order.
        await AdvanceWithinAsync(context, changes.Checkpoint, cancellationToken);
        await ReadModelWriter.WriteAsync(
            database.Provider, context.Database.GetDbConnection(), transaction.GetDbTransaction(), table,
            changes.Generation, changes.Upserts, changes.Deletes, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Loads rows on a context the caller owns (and maybe a transaction it began), a chunk of ids per query.</summary>
    internal async Task LoadInto(
        ReadModelDbContext context, ReadModelDefinition definition, int generation, IEnumerable<string> ids, Dictionary<string, IReadModel> found, CancellationToken cancellationToken)
    {
        var load = _loaders.GetOrAdd(definition.Type, t => LoadChunkMethod.MakeGenericMethod(t).CreateDelegate<LoadChunk>());
        var postgresTable = database.Provider == DatabaseProvider.PostgreSql ? ReadModelSql.Quote(DatabaseProvider.PostgreSql, TableOf(context, definition).Name) : null;
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(IdsPerQuery))
        {
            foreach (var (id, row) in await load(context, postgresTable, generation, chunk, cancellationToken))
            {
                found[id] = row;
            }
        }
    }

    internal ReadModelTable TableOf(ReadModelDbContext context, ReadModelDefinition definition)
    {
        context.Catalog.Get(definition.Type);
        return _tables.GetOrAdd(definition.Type, _ => ReadModelTable.From(context.Model, definition));
    }

    /// <summary>Refused up front, with the id named, rather than as a provider's "value too long" (or silently, on SQLite).</summary>
    internal static void CheckIds(ReadModelChanges changes)
    {
        var tooLong = changes.Upserts.Keys.Concat(changes.Deletes).FirstOrDefault(id => id.Length > ReadModelColumns.DefaultStringLength);
        if (tooLong is not null)
        {
            throw new ArgumentException(
                $"Read model '{changes.Definition.Name}': id '{tooLong[..40]}...' is longer than {ReadModelColumns.DefaultStringLength} characters.", nameof(changes));
        }
    }

    private static IQueryable<TReadModel> Rows<TReadModel>(ReadModelDbContext context, int generation)
        where TReadModel : class =>
        context.Set<TReadModel>().AsNoTracking().Where(r => EF.Property<int>(r, ReadModelColumns.GenerationProperty) == generation);

    private static async Task<List<KeyValuePair<string, IReadModel>>> LoadChunkAsync<TReadModel>(
        ReadModelDbContext context, string? postgresTable, int generation, string[] ids, CancellationToken cancellationToken)
        where TReadModel : class, IReadModel
    {
        // Elsewhere one array parameter (SQLite json_each, SQL Server OPENJSON) rather than EF 10's default of one
        // parameter per id: the SQL then does not change with the number of ids, so it is compiled once, not per batch.
        var query = postgresTable is null
            ? Rows<TReadModel>(context, generation).Where(r => EF.Parameter(ids).Contains(EF.Property<string>(r, ReadModelColumns.IdProperty)))
            : context.Set<TReadModel>().FromSqlRaw(PostgreSqlLoad(postgresTable), generation, ids).AsNoTracking();
        var rows = await query
            .Select(r => new { Id = EF.Property<string>(r, ReadModelColumns.IdProperty), Row = r })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new KeyValuePair<string, IReadModel>(r.Id, r.Row));
    }

    /// <summary>
    /// PostgreSQL: one primary-key probe per id ({0} the generation, {1} the ids). <c>id = ANY(@ids)</c> is planned from
    /// statistics, and a table that is new or grew since it was last analysed (a first rebuild, a fresh install) has
    /// none that fit: the planner expects most rows to match, scans the table and tests each row against every id,
    /// and the auto-prepared statement keeps that plan while the table grows. A LATERAL subquery with LIMIT 1 is
    /// never flattened into a join, so every id is an index lookup whatever the statistics say (see docs/benchmarks.md,
    /// scenario 6: the first rebuild on a fresh database).
    /// </summary>
    private static string PostgreSqlLoad(string table) =>
        $"SELECT r.* FROM unnest({{1}}::varchar[]) AS k(id) CROSS JOIN LATERAL " +
        $"(SELECT * FROM {table} AS x WHERE x.\"generation\" = {{0}} AND x.\"id\" = k.id LIMIT 1) AS r";

    /// <summary>Now, cut to whole microseconds (PostgreSQL's resolution), so a stored lease expiry compares as it was computed.</summary>
    private DateTime Now()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

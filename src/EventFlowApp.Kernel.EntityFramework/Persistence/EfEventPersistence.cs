using System.Data.Common;
using EventFlowApp.Kernel.EntityFramework.Dialects;
using EventFlowApp.Kernel.EntityFramework.Model;
using EventFlowApp.Kernel.EntityFramework.ReadModels;
using EventFlowApp.Kernel.EventStores;
using Microsoft.EntityFrameworkCore;

namespace EventFlowApp.Kernel.EntityFramework.Persistence;

/// <summary>
/// The event store on EF Core. Reads are LINQ queries; commits go through the provider's
/// <see cref="IEventStoreDialect"/> on the context's own connection and transaction.
/// </summary>
public sealed class EfEventPersistence : IEventPersistence
{
    /// <summary>Ids per version query: well under every provider's parameter limit (SQL Server's is 2,100).</summary>
    public const int IdsPerQuery = 1000;

    private readonly IDbContextFactory<EventStoreDbContext> _contexts;
    private readonly IEventStoreDialect _dialect;
    private readonly ConsistentReadModels _readModels;

    public EfEventPersistence(IDbContextFactory<EventStoreDbContext> contexts, IEventStoreDialect dialect, ConsistentReadModels readModels)
    {
        _contexts = contexts;
        _dialect = dialect;
        _readModels = readModels;
    }

    public async Task<IReadOnlyList<CommittedEvent>> LoadStreamAsync(string aggregateId, long fromSequenceNumber, long toSequenceNumber, CancellationToken cancellationToken)
    {
        await using var context = await _contexts.CreateDbContextAsync(cancellationToken);
        return await Project(context.Events
                .Where(e => e.AggregateId == aggregateId && e.AggregateSequenceNumber >= fromSequenceNumber && e.AggregateSequenceNumber <= toSequenceNumber)
                .OrderBy(e => e.AggregateSequenceNumber))
            .ToListAsync(cancellationToken);
    }

    public async Task<EventPage> LoadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        await using var context = await _contexts.CreateDbContextAsync(cancellationToken);
        var events = await Project(context.Events
                .Where(e => e.GlobalSequenceNumber > afterPosition)
                .OrderBy(e => e.GlobalSequenceNumber)
                .Take(maxCount))
            .ToListAsync(cancellationToken);
        return new EventPage(events, events.Count > 0 ? events[^1].GlobalSequenceNumber : afterPosition);
    }

    public async Task<long> GetHeadPositionAsync(CancellationToken cancellationToken)
    {
        await using var context = await _contexts.CreateDbContextAsync(cancellationToken);
        return await context.Events.MaxAsync(e => (long?)e.GlobalSequenceNumber, cancellationToken) ?? 0;
    }

    public async Task<CommandRecord?> GetCommandAsync(string sourceId, CancellationToken cancellationToken)
    {
        await using var context = await _contexts.CreateDbContextAsync(cancellationToken);
        return await context.Commands.AsNoTracking()
            .Where(c => c.SourceId == sourceId)
            .Select(c => new CommandRecord(c.SourceId, c.CommandName, c.AggregateName, c.AggregateId, c.Result, c.RecordedAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, long>> GetStreamVersionsAsync(IReadOnlyCollection<string> aggregateIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aggregateIds);
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        if (aggregateIds.Count == 0)
        {
            return versions;
        }

        await using var context = await _contexts.CreateDbContextAsync(cancellationToken);
        foreach (var chunk in aggregateIds.Distinct(StringComparer.Ordinal).Chunk(IdsPerQuery))
        {
            // Answered from the unique (aggregate_id, aggregate_sequence_number) index.
            var rows = await context.Events
                .Where(e => chunk.Contains(e.AggregateId))
                .GroupBy(e => e.AggregateId)
                .Select(g => new { Id = g.Key, Version = g.Max(e => e.AggregateSequenceNumber) })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                versions[row.Id] = row.Version;
            }
        }

        return versions;
    }

    public async Task<IReadOnlyList<CommittedEvent>> CommitAsync(CommitBatch batch, CancellationToken cancellationToken)
    {
        batch.Validate();
        await using var context = await _contexts.CreateDbContextAsync(cancellationToken);
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(cancellationToken);
        CommitConflict conflict;
        DbException failure;
        await using (var transaction = await _dialect.BeginAsync(connection, cancellationToken))
        {
            try
            {
                var committed = await _dialect.AppendAsync(connection, transaction, batch, cancellationToken);

                // Under the append lock, before commit: the consistent-on-write read models see exactly these events, once.
                await _readModels.ApplyAsync(connection, transaction, committed, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return committed;
            }
            catch (DbException e) when (_dialect.Classify(e) is not CommitConflict.None)
            {
                conflict = _dialect.Classify(e);
                failure = e;
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }

        if (conflict == CommitConflict.DuplicateCommand)
        {
            throw new DuplicateCommandException(batch.Command!.SourceId, failure);
        }

        throw await DescribeStreamConflictAsync(context, batch, failure, cancellationToken);
    }

    /// <summary>Names the aggregate that moved on, so the error says which one (a batch may hold many).</summary>
    private static async Task<OptimisticConcurrencyException> DescribeStreamConflictAsync(
        EventStoreDbContext context, CommitBatch batch, DbException failure, CancellationToken cancellationToken)
    {
        var ids = batch.Streams.Select(s => s.AggregateId).ToList();
        var versions = await context.Events
            .Where(e => ids.Contains(e.AggregateId))
            .GroupBy(e => e.AggregateId)
            .Select(g => new { Id = g.Key, Version = g.Max(e => e.AggregateSequenceNumber) })
            .ToDictionaryAsync(x => x.Id, x => x.Version, cancellationToken);
        var moved = batch.Streams.FirstOrDefault(s => versions.GetValueOrDefault(s.AggregateId) != s.ExpectedVersion);
        return moved is null
            ? new OptimisticConcurrencyException($"An event id of this commit is already stored: {failure.Message}", failure)
            : new OptimisticConcurrencyException(moved.AggregateId, moved.ExpectedVersion, failure);
    }

    private static IQueryable<CommittedEvent> Project(IQueryable<EventEntity> query) =>
        query.AsNoTracking().Select(e => new CommittedEvent(
            e.GlobalSequenceNumber,
            new SerializedEvent(e.EventId, e.AggregateName, e.AggregateId, e.AggregateSequenceNumber, e.EventName, e.EventVersion, e.Data, e.Metadata, e.Timestamp)));
}

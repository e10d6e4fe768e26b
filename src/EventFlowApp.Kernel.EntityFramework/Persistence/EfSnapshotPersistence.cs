using EventFlowApp.Kernel.EntityFramework.Model;
using EventFlowApp.Kernel.Snapshots;
using Microsoft.EntityFrameworkCore;

namespace EventFlowApp.Kernel.EntityFramework.Persistence;

public sealed class EfSnapshotPersistence(IDbContextFactory<EventStoreDbContext> contexts) : ISnapshotPersistence
{
    public async Task<StoredSnapshot?> LoadAsync(string aggregateId, long maxSequenceNumber, DateTime? lastEventNotAfterUtc, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var notAfter = lastEventNotAfterUtc ?? DateTime.MaxValue.ToUniversalTime();
        return await context.Snapshots.AsNoTracking()
            .Where(s => s.AggregateId == aggregateId && s.AggregateSequenceNumber <= maxSequenceNumber && s.LastEventTimestamp <= notAfter)
            .OrderByDescending(s => s.AggregateSequenceNumber)
            .Select(s => new StoredSnapshot(
                s.AggregateName, s.AggregateId, s.AggregateSequenceNumber, s.SnapshotName, s.SnapshotVersion, s.Data, s.LastEventTimestamp, s.TakenAt))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task SaveAsync(StoredSnapshot snapshot, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await context.Snapshots.FindAsync([snapshot.AggregateId, snapshot.AggregateSequenceNumber], cancellationToken);
        if (row is null)
        {
            row = new SnapshotEntity { AggregateId = snapshot.AggregateId, AggregateSequenceNumber = snapshot.AggregateSequenceNumber };
            context.Snapshots.Add(row);
        }

        row.AggregateName = snapshot.AggregateName;
        row.SnapshotName = snapshot.SnapshotName;
        row.SnapshotVersion = snapshot.SnapshotVersion;
        row.Data = snapshot.Data;
        row.LastEventTimestamp = snapshot.LastEventTimestampUtc;
        row.TakenAt = snapshot.TakenAtUtc;
        await context.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteAsync(string aggregateId, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.Snapshots.Where(s => s.AggregateId == aggregateId).ExecuteDeleteAsync(cancellationToken);
    }
}

namespace EventFlowApp.Kernel.Snapshots;

public sealed class InMemorySnapshotPersistence : ISnapshotPersistence
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SortedList<long, StoredSnapshot>> _snapshots = new(StringComparer.Ordinal);

    public Task<StoredSnapshot?> LoadAsync(string aggregateId, long maxSequenceNumber, DateTime? lastEventNotAfterUtc, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var found = _snapshots.TryGetValue(aggregateId, out var list)
                ? list.Values.LastOrDefault(s => s.AggregateSequenceNumber <= maxSequenceNumber &&
                                                 (lastEventNotAfterUtc is null || s.LastEventTimestampUtc <= lastEventNotAfterUtc))
                : null;
            return Task.FromResult(found);
        }
    }

    public Task SaveAsync(StoredSnapshot snapshot, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_snapshots.TryGetValue(snapshot.AggregateId, out var list))
            {
                _snapshots[snapshot.AggregateId] = list = [];
            }

            list[snapshot.AggregateSequenceNumber] = snapshot;
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string aggregateId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _snapshots.Remove(aggregateId);
        }

        return Task.CompletedTask;
    }
}

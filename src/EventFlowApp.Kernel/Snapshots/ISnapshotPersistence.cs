namespace EventFlowApp.Kernel.Snapshots;

public interface ISnapshotPersistence
{
    /// <summary>
    /// The newest snapshot taken at or before <paramref name="maxSequenceNumber"/> whose last event is not
    /// after <paramref name="lastEventNotAfterUtc"/> (when given), if any.
    /// </summary>
    Task<StoredSnapshot?> LoadAsync(string aggregateId, long maxSequenceNumber, DateTime? lastEventNotAfterUtc, CancellationToken cancellationToken);

    /// <summary>Stores a snapshot; storing one for the same aggregate and sequence number again replaces it.</summary>
    Task SaveAsync(StoredSnapshot snapshot, CancellationToken cancellationToken);

    Task DeleteAsync(string aggregateId, CancellationToken cancellationToken);
}

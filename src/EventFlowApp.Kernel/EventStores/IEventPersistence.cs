namespace EventFlowApp.Kernel.EventStores;

/// <summary>
/// The storage of events and command records. Implementations must guarantee:
/// events are append-only (no update, no delete); (aggregate id, sequence number) and event id are
/// unique; a commit is one transaction; and <b>commit order equals global order</b>: once a reader has
/// seen position N, no event with a position below N can still appear.
/// </summary>
public interface IEventPersistence
{
    /// <summary>Events of one aggregate with sequence numbers in [from, to], in order.</summary>
    Task<IReadOnlyList<CommittedEvent>> LoadStreamAsync(string aggregateId, long fromSequenceNumber, long toSequenceNumber, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="maxCount"/> events after <paramref name="afterPosition"/>, in global order.</summary>
    Task<EventPage> LoadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken);

    /// <summary>The highest global sequence number committed; 0 when the store is empty.</summary>
    Task<long> GetHeadPositionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Appends in one transaction. Throws <see cref="OptimisticConcurrencyException"/> when a stream moved
    /// on, <see cref="DuplicateCommandException"/> when the command was already recorded; nothing is written then.
    /// </summary>
    Task<IReadOnlyList<CommittedEvent>> CommitAsync(CommitBatch batch, CancellationToken cancellationToken);

    Task<CommandRecord?> GetCommandAsync(string sourceId, CancellationToken cancellationToken);

    /// <summary>
    /// The current version (highest sequence number) of each of the given aggregates that has events;
    /// aggregates without events are left out. One call answers for many ids (an import asks for tens of
    /// thousands), so stores read them in a few batched queries rather than one per aggregate.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> GetStreamVersionsAsync(IReadOnlyCollection<string> aggregateIds, CancellationToken cancellationToken);
}

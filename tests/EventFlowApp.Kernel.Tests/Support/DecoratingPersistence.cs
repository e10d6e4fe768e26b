using EventFlowApp.Kernel.EventStores;

namespace EventFlowApp.Kernel.Tests.Support;

/// <summary>Passes everything to an inner store; tests override the calls they want to watch or break.</summary>
public class DecoratingPersistence(IEventPersistence inner) : IEventPersistence
{
    public IEventPersistence Inner { get; } = inner;

    public virtual Task<IReadOnlyList<CommittedEvent>> LoadStreamAsync(
        string aggregateId, long fromSequenceNumber, long toSequenceNumber, CancellationToken cancellationToken) =>
        Inner.LoadStreamAsync(aggregateId, fromSequenceNumber, toSequenceNumber, cancellationToken);

    public virtual Task<EventPage> LoadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken) =>
        Inner.LoadAllAsync(afterPosition, maxCount, cancellationToken);

    public virtual Task<long> GetHeadPositionAsync(CancellationToken cancellationToken) => Inner.GetHeadPositionAsync(cancellationToken);

    public virtual Task<IReadOnlyList<CommittedEvent>> CommitAsync(CommitBatch batch, CancellationToken cancellationToken) =>
        Inner.CommitAsync(batch, cancellationToken);

    public virtual Task<CommandRecord?> GetCommandAsync(string sourceId, CancellationToken cancellationToken) =>
        Inner.GetCommandAsync(sourceId, cancellationToken);

    public virtual Task<IReadOnlyDictionary<string, long>> GetStreamVersionsAsync(IReadOnlyCollection<string> aggregateIds, CancellationToken cancellationToken) =>
        Inner.GetStreamVersionsAsync(aggregateIds, cancellationToken);
}

/// <summary>Throws a concurrency conflict on the first <see cref="FailuresLeft"/> commits, as a busy store would.</summary>
public sealed class ConflictingPersistence(int failures) : DecoratingPersistence(new InMemoryEventPersistence())
{
    public int FailuresLeft { get; private set; } = failures;

    public int Commits { get; private set; }

    public override Task<IReadOnlyList<CommittedEvent>> CommitAsync(CommitBatch batch, CancellationToken cancellationToken)
    {
        Commits++;
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            var stream = batch.Streams[0];
            throw new OptimisticConcurrencyException(stream.AggregateId, stream.ExpectedVersion);
        }

        return base.CommitAsync(batch, cancellationToken);
    }
}

/// <summary>Records the range of every stream read, to show where loading started.</summary>
public sealed class StreamReadRecorder() : DecoratingPersistence(new InMemoryEventPersistence())
{
    private readonly List<(string AggregateId, long From, long To)> _reads = [];

    public IReadOnlyList<(string AggregateId, long From, long To)> Reads
    {
        get
        {
            lock (_reads)
            {
                return [.. _reads];
            }
        }
    }

    public void Clear()
    {
        lock (_reads)
        {
            _reads.Clear();
        }
    }

    public override Task<IReadOnlyList<CommittedEvent>> LoadStreamAsync(
        string aggregateId, long fromSequenceNumber, long toSequenceNumber, CancellationToken cancellationToken)
    {
        lock (_reads)
        {
            _reads.Add((aggregateId, fromSequenceNumber, toSequenceNumber));
        }

        return base.LoadStreamAsync(aggregateId, fromSequenceNumber, toSequenceNumber, cancellationToken);
    }
}

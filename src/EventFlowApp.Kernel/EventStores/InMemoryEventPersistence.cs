namespace EventFlowApp.Kernel.EventStores;

/// <summary>
/// Event persistence in process memory, for tests and specs. It keeps the same guarantees as the
/// database stores (one lock serialises commits, so commit order is global order) and passes the same
/// conformance suite.
/// </summary>
public sealed class InMemoryEventPersistence : IEventPersistence
{
    private readonly Lock _lock = new();
    private readonly List<CommittedEvent> _all = [];
    private readonly Dictionary<string, List<CommittedEvent>> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CommandRecord> _commands = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> _eventIds = [];
    private long _nextPosition = 1;

    public Task<IReadOnlyList<CommittedEvent>> LoadStreamAsync(string aggregateId, long fromSequenceNumber, long toSequenceNumber, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<CommittedEvent> result = _streams.TryGetValue(aggregateId, out var stream)
                ? stream.Where(e => e.Event.AggregateSequenceNumber >= fromSequenceNumber && e.Event.AggregateSequenceNumber <= toSequenceNumber).ToList()
                : [];
            return Task.FromResult(result);
        }
    }

    public Task<EventPage> LoadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        lock (_lock)
        {
            var index = _all.BinarySearch(new CommittedEvent(afterPosition, null!), PositionComparer.Instance);
            var start = index >= 0 ? index + 1 : ~index;
            var events = _all.Skip(start).Take(maxCount).ToList();
            var next = events.Count > 0 ? events[^1].GlobalSequenceNumber : afterPosition;
            return Task.FromResult(new EventPage(events, next));
        }
    }

    public Task<long> GetHeadPositionAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_all.Count == 0 ? 0 : _all[^1].GlobalSequenceNumber);
        }
    }

    public Task<IReadOnlyList<CommittedEvent>> CommitAsync(CommitBatch batch, CancellationToken cancellationToken)
    {
        batch.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (batch.Command is { } command && _commands.ContainsKey(command.SourceId))
            {
                throw new DuplicateCommandException(command.SourceId);
            }

            foreach (var stream in batch.Streams)
            {
                var current = _streams.TryGetValue(stream.AggregateId, out var s) ? s.Count : 0;
                if (current != stream.ExpectedVersion)
                {
                    throw new OptimisticConcurrencyException(stream.AggregateId, stream.ExpectedVersion);
                }

                if (stream.Events.FirstOrDefault(e => _eventIds.Contains(e.EventId)) is { } clash)
                {
                    throw new OptimisticConcurrencyException($"Event id {clash.EventId} is already stored.");
                }
            }

            var committed = new List<CommittedEvent>(batch.EventCount);
            foreach (var stream in batch.Streams)
            {
                if (!_streams.TryGetValue(stream.AggregateId, out var list))
                {
                    _streams[stream.AggregateId] = list = [];
                }

                foreach (var e in stream.Events)
                {
                    var row = new CommittedEvent(_nextPosition++, e);
                    list.Add(row);
                    _all.Add(row);
                    _eventIds.Add(e.EventId);
                    committed.Add(row);
                }
            }

            if (batch.Command is { } record)
            {
                _commands.Add(record.SourceId, record);
            }

            return Task.FromResult<IReadOnlyList<CommittedEvent>>(committed);
        }
    }

    public Task<CommandRecord?> GetCommandAsync(string sourceId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_commands.GetValueOrDefault(sourceId));
        }
    }

    public Task<IReadOnlyDictionary<string, long>> GetStreamVersionsAsync(IReadOnlyCollection<string> aggregateIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aggregateIds);
        lock (_lock)
        {
            var versions = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var id in aggregateIds)
            {
                if (_streams.TryGetValue(id, out var stream) && stream.Count > 0)
                {
                    versions[id] = stream[^1].Event.AggregateSequenceNumber;
                }
            }

            return Task.FromResult<IReadOnlyDictionary<string, long>>(versions);
        }
    }

    /// <summary>Skips positions, as a rolled-back database transaction would; for gap tests.</summary>
    public void SkipPositions(long count)
    {
        lock (_lock)
        {
            _nextPosition += count;
        }
    }

    private sealed class PositionComparer : IComparer<CommittedEvent>
    {
        public static readonly PositionComparer Instance = new();

        public int Compare(CommittedEvent? x, CommittedEvent? y) => x!.GlobalSequenceNumber.CompareTo(y!.GlobalSequenceNumber);
    }
}

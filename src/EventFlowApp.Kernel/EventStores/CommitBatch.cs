namespace EventFlowApp.Kernel.EventStores;

/// <summary>The new events of one aggregate; <see cref="ExpectedVersion"/> is the version they were decided on.</summary>
public sealed record StreamAppend(string AggregateName, string AggregateId, long ExpectedVersion, IReadOnlyList<SerializedEvent> Events);

/// <summary>The durable record that a command was applied, with the result it returned the first time.</summary>
public sealed record CommandRecord(
    string SourceId,
    string CommandName,
    string AggregateName,
    string AggregateId,
    string ResultJson,
    DateTime RecordedAtUtc);

/// <summary>
/// Everything one transaction writes: the events of one or more aggregates and, for a command, its
/// record. All or nothing.
/// </summary>
public sealed record CommitBatch(IReadOnlyList<StreamAppend> Streams, CommandRecord? Command)
{
    public int EventCount => Streams.Sum(s => s.Events.Count);

    /// <summary>Rejects a malformed batch before any I/O, so a bad caller gets a clear message.</summary>
    public void Validate()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stream in Streams)
        {
            if (!seen.Add(stream.AggregateId))
            {
                throw new ArgumentException($"Aggregate {stream.AggregateId} appears twice in one commit.");
            }

            if (stream.ExpectedVersion < 0)
            {
                throw new ArgumentException($"Aggregate {stream.AggregateId}: expected version {stream.ExpectedVersion} is negative.");
            }

            var next = stream.ExpectedVersion + 1;
            foreach (var e in stream.Events)
            {
                if (e.AggregateId != stream.AggregateId || e.AggregateName != stream.AggregateName)
                {
                    throw new ArgumentException($"Event {e.EventId} does not belong to {stream.AggregateName} {stream.AggregateId}.");
                }

                if (e.AggregateSequenceNumber != next++)
                {
                    throw new ArgumentException(
                        $"Aggregate {stream.AggregateId}: events must be numbered from {stream.ExpectedVersion + 1} without gaps.");
                }

                if (e.TimestampUtc.Kind != DateTimeKind.Utc)
                {
                    throw new ArgumentException($"Event {e.EventId}: the timestamp must be UTC.");
                }
            }
        }
    }
}

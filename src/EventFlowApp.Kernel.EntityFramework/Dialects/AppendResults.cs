using EventFlowApp.Kernel.EventStores;

namespace EventFlowApp.Kernel.EntityFramework.Dialects;

internal static class AppendResults
{
    /// <summary>Pairs the positions the database returned (by event id, as RETURNING/OUTPUT order is not promised) with the batch.</summary>
    public static IReadOnlyList<CommittedEvent> Match(CommitBatch batch, Dictionary<Guid, long> positions)
    {
        var result = new List<CommittedEvent>(batch.EventCount);
        foreach (var stream in batch.Streams)
        {
            foreach (var e in stream.Events)
            {
                if (!positions.TryGetValue(e.EventId, out var position))
                {
                    throw new InvalidOperationException($"The database returned no position for event {e.EventId}.");
                }

                result.Add(new CommittedEvent(position, e));
            }
        }

        return result;
    }
}

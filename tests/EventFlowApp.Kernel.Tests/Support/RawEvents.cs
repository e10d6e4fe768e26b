using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Tests.Domain;

namespace EventFlowApp.Kernel.Tests.Support;

/// <summary>Writes hand-built rows straight into the persistence, as an older version of the app once did.</summary>
public static class RawEvents
{
    public static async Task<IReadOnlyList<CommittedEvent>> AppendAsync(
        this IEventPersistence persistence, ThingId id, long expectedVersion, params (string Name, int Version, string Json)[] events)
    {
        var rows = events.Select((e, i) => new SerializedEvent(
            Guid.NewGuid(), "Thing", id.Value, expectedVersion + i + 1, e.Name, e.Version, e.Json, "{}", KernelHost.Start.UtcDateTime))
            .ToList();
        return await persistence.CommitAsync(new CommitBatch([new StreamAppend("Thing", id.Value, expectedVersion, rows)], null), KernelHost.Ct);
    }
}

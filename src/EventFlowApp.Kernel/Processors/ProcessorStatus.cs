namespace EventFlowApp.Kernel.Processors;

/// <summary>What an operator needs to know about a processor: where it is, how far behind, whether it runs, and why it stopped.</summary>
public sealed record ProcessorStatus(
    string Name,
    long Position,
    long Head,
    ProcessorRunState State,
    ProcessorFailure? LastError,
    int ParkedCount,
    string? LeaseOwner,
    DateTimeOffset? LeaseExpiresAt,
    DateTimeOffset UpdatedAt)
{
    public long Lag => Math.Max(0, Head - Position);

    /// <summary>Some node holds an unexpired lease on it.</summary>
    public bool IsRunning(DateTimeOffset now) => LeaseOwner is not null && LeaseExpiresAt > now;
}

/// <summary>Reads every processor's status against the event store's head.</summary>
public sealed class ProcessorMonitor(IProcessorStore store, EventStores.IEventPersistence events)
{
    public async Task<IReadOnlyList<ProcessorStatus>> GetStatusAsync(CancellationToken cancellationToken)
    {
        var head = await events.GetHeadPositionAsync(cancellationToken);
        var states = await store.ListAsync(cancellationToken);
        return states.Select(s => new ProcessorStatus(
            s.Name, s.Position, head, s.State, s.LastError, s.ParkedCount, s.LeaseOwner, s.LeaseExpiresAt, s.UpdatedAt)).ToList();
    }
}

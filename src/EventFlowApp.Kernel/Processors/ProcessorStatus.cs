namespace EventFlowApp.Kernel.Processors;

/// <summary>What an operator needs to know about a processor: where it is, how far behind, whether it runs, and why it stopped.</summary>
public sealed record ProcessorStatus(ProcessorState Processor, long Head)
{
    public long Lag => Math.Max(0, Head - Processor.Position);

    /// <summary>Some node holds an unexpired lease on it.</summary>
    public bool IsRunning(DateTimeOffset now) => Processor.LeaseOwner is not null && Processor.LeaseExpiresAt > now;
}

/// <summary>Reads every processor's status against the event store's head.</summary>
public sealed class ProcessorMonitor(IProcessorStore store, EventStores.IEventPersistence events)
{
    public async Task<IReadOnlyList<ProcessorStatus>> GetStatusAsync(CancellationToken cancellationToken)
    {
        var head = await events.GetHeadPositionAsync(cancellationToken);
        var states = await store.ListAsync(cancellationToken);
        return states.Select(s => new ProcessorStatus(s, head)).ToList();
    }
}

using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.Processors;

/// <summary>
/// An asynchronous consumer that follows the global sequence from its own durable checkpoint: a read
/// model generation, an asynchronous subscriber, a saga. <see cref="TrackedProcessorRunner"/> feeds it
/// batches in order; the processor makes the batch's effects and the checkpoint move durable.
/// </summary>
public interface ITrackedProcessor
{
    string Name { get; }

    ProcessorErrorPolicy ErrorPolicy { get; }

    /// <summary>The last position to process, or null to follow the store forever.</summary>
    long? StopAfterPosition { get; }

    /// <summary>Events recorded after this time are left out (point-in-time by time), or null.</summary>
    DateTimeOffset? StopAfterTime { get; }

    /// <summary>
    /// Handles <see cref="ProcessorBatch.Events"/> and stores <see cref="ProcessorBatch.Checkpoint"/>.
    /// When the event at index k fails it throws <see cref="ProcessorEventException"/>; if
    /// <see cref="ProcessorEventException.PrefixStored"/> is false nothing of the batch was stored and the
    /// runner hands the events before k again, on their own.
    /// </summary>
    Task ProcessAsync(ProcessorBatch batch, CancellationToken cancellationToken);
}

/// <summary>
/// Events in global order, all after the checkpoint. <see cref="Checkpoint"/> moves it to the position
/// of the last event (or further, past events the processor skips), for the lease holder.
/// </summary>
public sealed record ProcessorBatch(IReadOnlyList<IDomainEvent> Events, CheckpointAdvance Checkpoint, long ReplayUntil)
{
    public bool IsReplay(IDomainEvent domainEvent) => domainEvent.GlobalSequenceNumber <= ReplayUntil;
}

/// <summary>The event at <see cref="Index"/> of a batch failed.</summary>
public sealed class ProcessorEventException(int index, bool prefixStored, Exception inner)
    : Exception($"Event {index} of the batch failed: {inner.Message}", inner)
{
    public int Index { get; } = index;

    /// <summary>True when the events before <see cref="Index"/> are already stored with their checkpoint.</summary>
    public bool PrefixStored { get; } = prefixStored;
}

using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Replay;

namespace EventFlowApp.Kernel.Processors;

/// <summary>
/// Base of the processors whose effects are outside the event store's transaction (asynchronous
/// subscribers, sagas): events are handled one at a time and the checkpoint moves after each handled
/// one, so a crash repeats at most the event in hand (at-least-once). A failing event leaves the
/// checkpoint just before it and is reported with <c>prefixStored: true</c>.
/// </summary>
public abstract class SequentialProcessor(string name, IProcessorStore store) : ITrackedProcessor
{
    public string Name { get; } = name;

    public ProcessorErrorPolicy ErrorPolicy { get; init; } = ProcessorErrorPolicy.Stop;

    public long? StopAfterPosition => null;

    public DateTimeOffset? StopAfterTime => null;

    public async Task ProcessAsync(ProcessorBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var checkpoint = batch.Checkpoint;
        if (checkpoint.Parked is not null)
        {
            // The runner parks a failed event by moving past it; the move records the parked event.
            await store.AdvanceAsync(checkpoint, cancellationToken);
            return;
        }

        var at = checkpoint.ExpectedPosition;
        for (var i = 0; i < batch.Events.Count; i++)
        {
            var domainEvent = batch.Events[i];
            if (!Handles(domainEvent))
            {
                continue;
            }

            try
            {
                var replaying = batch.IsReplay(domainEvent);
                using (ReplayContext.Enter(Name, replaying, batch.ReplayUntil))
                {
                    await HandleAsync(domainEvent, replaying, cancellationToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await MoveAsync(checkpoint, at, domainEvent.GlobalSequenceNumber - 1, cancellationToken);
                throw new ProcessorEventException(i, prefixStored: true, e);
            }

            at = await MoveAsync(checkpoint, at, domainEvent.GlobalSequenceNumber, cancellationToken);
        }

        await MoveAsync(checkpoint, at, checkpoint.NewPosition, cancellationToken);
    }

    /// <summary>Whether the event concerns this processor at all; others only move the checkpoint.</summary>
    protected abstract bool Handles(IDomainEvent domainEvent);

    /// <summary>Handles one event; <paramref name="isReplay"/> says it was handled before (a reset processor).</summary>
    protected abstract Task HandleAsync(IDomainEvent domainEvent, bool isReplay, CancellationToken cancellationToken);

    private async Task<long> MoveAsync(CheckpointAdvance batch, long from, long to, CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            return from;
        }

        await store.AdvanceAsync(batch with { ExpectedPosition = from, NewPosition = to }, cancellationToken);
        return to;
    }
}

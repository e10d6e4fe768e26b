using System.Diagnostics;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.EventStores;
using Microsoft.Extensions.Logging;

namespace EventFlowApp.Kernel.Processors;

/// <summary>
/// Drives one tracked processor: takes its lease, reads the global sequence after its checkpoint a
/// batch at a time, hands each batch over, and applies the error policy to a failing event. Nothing is
/// skipped silently: an event that cannot even be read stops (or parks) the processor like one whose
/// handler throws.
/// </summary>
public sealed partial class TrackedProcessorRunner(
    IEventPersistence events,
    EventSerializer serializer,
    IProcessorStore store,
    TrackedProcessorOptions options,
    TimeProvider time,
    ILogger<TrackedProcessorRunner> logger)
{
    /// <summary>Processes until caught up (or the processor's end), then returns.</summary>
    public Task<ProcessorRunResult> CatchUpAsync(ITrackedProcessor processor, IProgress<ProcessorProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(processor, follow: false, wake: null, progress, cancellationToken);

    /// <summary>Processes and keeps following new events until cancelled, stopped, completed or the lease is lost.</summary>
    public Task<ProcessorRunResult> FollowAsync(ITrackedProcessor processor, Func<CancellationToken, Task>? wake, CancellationToken cancellationToken) =>
        RunAsync(processor, follow: true, wake, progress: null, cancellationToken);

    private async Task<ProcessorRunResult> RunAsync(
        ITrackedProcessor processor, bool follow, Func<CancellationToken, Task>? wake, IProgress<ProcessorProgress>? progress, CancellationToken cancellationToken)
    {
        var name = processor.Name;
        // One owner per run, not per node: two runs of one processor in the same process (the host and an
        // API call, say) must exclude each other just like two nodes do.
        var owner = $"{options.NodeId}/{Guid.NewGuid():N}";
        await store.EnsureAsync(name, cancellationToken);
        if (!await store.TryAcquireLeaseAsync(name, owner, options.LeaseDuration, cancellationToken))
        {
            var held = await store.GetAsync(name, cancellationToken);
            return new ProcessorRunResult(name, ProcessorRunOutcome.HeldElsewhere, held?.Position ?? 0, 0, null);
        }

        var run = new Run(processor, owner, progress, Stopwatch.StartNew(), time.GetUtcNow());
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!await RenewIfDueAsync(run, cancellationToken))
                {
                    return run.Result(ProcessorRunOutcome.LeaseLost, await PositionAsync(name, cancellationToken));
                }

                var state = await store.GetAsync(name, cancellationToken) ?? throw new InvalidOperationException($"Processor '{name}' vanished.");
                var ended = Ended(run, state);
                if (ended is not null)
                {
                    return ended;
                }

                ProcessorRunResult? step;
                try
                {
                    step = await StepAsync(run, state, cancellationToken);
                }
                catch (ProcessorLeaseLostException)
                {
                    if (!await MovedUnderUsAsync(run, state.Position, cancellationToken))
                    {
                        throw;
                    }

                    // Still ours, but the checkpoint moved (a consistent-on-write read model updated its live
                    // generation inside an append): the batch was rolled back; read on from the new position.
                    continue;
                }

                if (step is not null)
                {
                    return step;
                }

                if (run.CaughtUp)
                {
                    if (ReachedEnd(processor))
                    {
                        await store.CompleteAsync(name, owner, cancellationToken);
                        return run.Result(ProcessorRunOutcome.Completed, run.Position);
                    }

                    if (!follow)
                    {
                        return run.Result(ProcessorRunOutcome.CaughtUp, run.Position);
                    }

                    await WaitForEventsAsync(wake, cancellationToken);
                }
            }
        }
        catch (ProcessorLeaseLostException)
        {
            return run.Result(ProcessorRunOutcome.LeaseLost, await PositionAsync(name, CancellationToken.None));
        }
        finally
        {
            // Hand the processor over at once rather than after the lease expires; never mask the run's own outcome.
            try
            {
                await store.ReleaseLeaseAsync(name, owner, CancellationToken.None);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogReleaseFailed(logger, e, name);
            }
        }
    }

    private static ProcessorRunResult? Ended(Run run, ProcessorState state) => state.State switch
    {
        ProcessorRunState.Stopped => run.Result(ProcessorRunOutcome.Stopped, state.Position, state.LastError),
        ProcessorRunState.Completed => run.Result(ProcessorRunOutcome.Completed, state.Position),
        _ => null,
    };

    /// <summary>A point-in-time processor ends once it has read everything up to its end; a time-bounded one when it has read all there is.</summary>
    private static bool ReachedEnd(ITrackedProcessor processor) =>
        processor.StopAfterPosition is not null || processor.StopAfterTime is not null;

    /// <summary>Reads one page after the checkpoint and hands it over; returns a result when the run must end.</summary>
    private async Task<ProcessorRunResult?> StepAsync(Run run, ProcessorState state, CancellationToken cancellationToken)
    {
        var processor = run.Processor;
        run.Position = state.Position;
        var limit = processor.StopAfterPosition;
        if (limit is not null && state.Position >= limit)
        {
            run.CaughtUp = true;
            return null;
        }

        var page = await events.LoadAllAsync(state.Position, options.BatchSize, cancellationToken);
        var rows = limit is null ? page.Events : page.Events.Where(e => e.GlobalSequenceNumber <= limit).ToList();
        if (rows.Count == 0)
        {
            run.CaughtUp = true;
            return null;
        }

        run.CaughtUp = false;
        var (batch, unreadable) = Deserialize(rows, processor.StopAfterTime);
        var end = unreadable is null ? rows[^1].GlobalSequenceNumber : unreadable.Value.Row.GlobalSequenceNumber - 1;
        var failure = await HandOverAsync(run, state, batch, end, cancellationToken);
        if (failure is null && unreadable is { } bad)
        {
            failure = ProcessorFailure.From(bad.Row, bad.Error, time.GetUtcNow());
        }

        if (failure is not null)
        {
            return await FailAsync(run, failure, cancellationToken);
        }

        run.Position = end;
        run.Processed += batch.Count;
        await ReportAsync(run, cancellationToken);
        return null;
    }

    /// <summary>Hands a batch over; on a failing event stores the events before it and returns the failure.</summary>
    private async Task<ProcessorFailure?> HandOverAsync(Run run, ProcessorState state, List<IDomainEvent> batch, long end, CancellationToken cancellationToken)
    {
        var processor = run.Processor;
        if (end <= state.Position)
        {
            return null;
        }

        var checkpoint = new CheckpointAdvance(processor.Name, run.Owner, state.Position, end);
        try
        {
            await processor.ProcessAsync(new ProcessorBatch(batch, checkpoint, state.ReplayUntil), cancellationToken);
            return null;
        }
        catch (ProcessorEventException e)
        {
            var failed = batch[e.Index];
            if (!e.PrefixStored && e.Index > 0)
            {
                // Store the good events before the failing one on their own, so its position is exact.
                var prefix = batch.Take(e.Index).ToList();
                await processor.ProcessAsync(
                    new ProcessorBatch(prefix, checkpoint with { NewPosition = failed.GlobalSequenceNumber - 1 }, state.ReplayUntil),
                    cancellationToken);
                run.Processed += prefix.Count;
            }

            return ProcessorFailure.From(failed, failed.EventType.Name, e.InnerException ?? e, time.GetUtcNow());
        }
    }

    private async Task<ProcessorRunResult?> FailAsync(Run run, ProcessorFailure failure, CancellationToken cancellationToken)
    {
        var processor = run.Processor;
        LogEventFailed(logger, processor.Name, failure.Position, failure.Error, processor.ErrorPolicy);
        if (processor.ErrorPolicy == ProcessorErrorPolicy.Stop)
        {
            await store.StopAsync(processor.Name, run.Owner, failure, cancellationToken);
            return run.Result(ProcessorRunOutcome.Stopped, failure.Position - 1, failure);
        }

        // Park: move past the event and record it, in one transaction with the processor's own checkpoint.
        var park = new CheckpointAdvance(processor.Name, run.Owner, failure.Position - 1, failure.Position, failure);
        await processor.ProcessAsync(new ProcessorBatch([], park, 0), cancellationToken);
        run.Position = failure.Position;
        return null;
    }

    private (List<IDomainEvent> Batch, (CommittedEvent Row, Exception Error)? Unreadable) Deserialize(IReadOnlyList<CommittedEvent> rows, DateTimeOffset? stopAfterTime)
    {
        var batch = new List<IDomainEvent>(rows.Count);
        foreach (var row in rows)
        {
            if (stopAfterTime is { } until && new DateTimeOffset(row.Event.TimestampUtc, TimeSpan.Zero) > until)
            {
                continue;
            }

            try
            {
                batch.Add(serializer.Deserialize(row));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return (batch, (row, e));
            }
        }

        return (batch, null);
    }

    private async Task ReportAsync(Run run, CancellationToken cancellationToken)
    {
        if (run.Progress is null)
        {
            return;
        }

        var head = await events.GetHeadPositionAsync(cancellationToken);
        var seconds = run.Clock.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? run.Processed / seconds : 0;
        TimeSpan? eta = rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, head - run.Position) / rate) : null;
        run.Progress.Report(new ProcessorProgress(run.Processor.Name, run.Position, head, run.Processed, rate, eta));
    }

    private async Task<bool> RenewIfDueAsync(Run run, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - run.LeaseRenewedAt < options.LeaseDuration / 3)
        {
            return true;
        }

        run.LeaseRenewedAt = now;
        return await store.TryAcquireLeaseAsync(run.Processor.Name, run.Owner, options.LeaseDuration, cancellationToken);
    }

    private async Task WaitForEventsAsync(Func<CancellationToken, Task>? wake, CancellationToken cancellationToken)
    {
        var delay = Task.Delay(options.PollInterval, time, cancellationToken);
        await (wake is null ? delay : Task.WhenAny(delay, wake(cancellationToken)));
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>True when the lease is still ours and only the checkpoint moved away from where this run read it.</summary>
    private async Task<bool> MovedUnderUsAsync(Run run, long readAt, CancellationToken cancellationToken)
    {
        var current = await store.GetAsync(run.Processor.Name, cancellationToken);
        return current is not null
            && current.LeaseOwner == run.Owner
            && current.LeaseExpiresAt > time.GetUtcNow()
            && current.Position != readAt
            && current.State == ProcessorRunState.Active;
    }

    private async Task<long> PositionAsync(string name, CancellationToken cancellationToken) =>
        (await store.GetAsync(name, cancellationToken))?.Position ?? 0;

    [LoggerMessage(Level = LogLevel.Error, Message = "Processor {Processor} failed at position {Position}: {Error} (policy {Policy})")]
    private static partial void LogEventFailed(ILogger logger, string processor, long position, string error, ProcessorErrorPolicy policy);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Processor {Processor}: releasing the lease failed; it expires by itself")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string processor);
}

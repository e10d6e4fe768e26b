using System.Collections.Concurrent;
using EventFlowApp.Kernel.Jobs;

namespace EventFlowApp.Kernel.Hangfire.Tests.Support;

/// <summary>What the test jobs did, shared by every host of a test (two servers write to one log).</summary>
public sealed class JobLog
{
    public ConcurrentQueue<(string Text, DateTimeOffset At, string Node)> Runs { get; } = new();

    public ConcurrentQueue<bool> Cancellations { get; } = new();

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> Undone { get; } = new();

    public bool RefuseUndo { get; set; }

    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public void Attempted() => Interlocked.Increment(ref _attempts);
}

/// <summary>The node a host runs as, for the log.</summary>
public sealed record NodeName(string Value);

[JobName("test-note", 1)]
public sealed record NoteDown(string Text);

public sealed class NoteDownHandler(JobLog log, NodeName node, JobContext context) : IJobHandler<NoteDown>
{
    public Task ExecuteAsync(NoteDown job, CancellationToken cancellationToken)
    {
        log.Runs.Enqueue((job.Text, DateTimeOffset.UtcNow, node.Value));
        context.Result = "noted " + job.Text;
        return Task.CompletedTask;
    }
}

[JobName("test-fail", 1)]
public sealed record AlwaysFail(string Reason);

public sealed class AlwaysFailHandler(JobLog log) : IJobHandler<AlwaysFail>
{
    public Task ExecuteAsync(AlwaysFail job, CancellationToken cancellationToken)
    {
        log.Attempted();
        throw new InvalidOperationException(job.Reason);
    }
}

[JobName("test-hopeless", 1)]
public sealed record Hopeless(string Reason);

public sealed class HopelessHandler(JobLog log) : IJobHandler<Hopeless>
{
    public Task ExecuteAsync(Hopeless job, CancellationToken cancellationToken)
    {
        log.Attempted();
        throw new JobCannotSucceedException(job.Reason);
    }
}

[JobName("test-check", 1)]
[JobRetries(0)]
public sealed record FailingCheck(string Reason);

public sealed class FailingCheckHandler(JobLog log) : IJobHandler<FailingCheck>
{
    public Task ExecuteAsync(FailingCheck job, CancellationToken cancellationToken)
    {
        log.Attempted();
        throw new InvalidOperationException(job.Reason);
    }
}

/// <summary>Reports some progress, then waits for its token; logs whether an operator cancelled it.</summary>
[JobName("test-wait", 1)]
public sealed record WaitForCancellation(int Done, int Total);

public sealed class WaitForCancellationHandler(JobLog log, JobContext context) : IJobHandler<WaitForCancellation>
{
    public async Task ExecuteAsync(WaitForCancellation job, CancellationToken cancellationToken)
    {
        context.Run.ReportProgress(new JobProgress(job.Done, job.Total, 12.5, TimeSpan.FromSeconds(40), "events"));
        log.Attempted();
        log.Started.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            log.Cancellations.Enqueue(context.Run.IsCancelledByOperator());
            throw;
        }
    }
}

/// <summary>Like <see cref="WaitForCancellation"/>, on the long-running queue.</summary>
[JobName("test-long-wait", 1)]
[LongRunningJob]
public sealed record LongWait(string Name);

public sealed class LongWaitHandler(JobLog log) : IJobHandler<LongWait>
{
    public async Task ExecuteAsync(LongWait job, CancellationToken cancellationToken)
    {
        log.Runs.Enqueue((job.Name, DateTimeOffset.UtcNow, "long"));
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}

/// <summary>A job whose undo (when cancelled before it ran) fails while <see cref="JobLog.RefuseUndo"/> is set.</summary>
[JobName("test-undoable", 1)]
public sealed record Undoable(string Name);

public sealed class UndoableHandler(JobLog log) : IJobHandler<Undoable>, IJobCancelledHandler<Undoable>
{
    public Task ExecuteAsync(Undoable job, CancellationToken cancellationToken)
    {
        log.Runs.Enqueue((job.Name, DateTimeOffset.UtcNow, "undoable"));
        return Task.CompletedTask;
    }

    public Task CancelledAsync(Undoable job, CancellationToken cancellationToken)
    {
        if (log.RefuseUndo)
        {
            throw new InvalidOperationException("cannot undo " + job.Name);
        }

        log.Undone.Enqueue(job.Name);
        return Task.CompletedTask;
    }
}

using System.Collections.Concurrent;
using EventFlowApp.Kernel.Jobs;

namespace EventFlowApp.Kernel.Tests.Jobs;

/// <summary>What the test jobs did.</summary>
public sealed class JobLog
{
    public ConcurrentQueue<string> Runs { get; } = new();

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<bool> SawCancellation { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What the waiting job's run answered to IsCancelledByOperator once its token fired.</summary>
    public TaskCompletionSource<bool> CancelledByOperator { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Renamed from "NoteJob" since it was queued: the stored name is what finds it.</summary>
[JobName("test-note", 1)]
public sealed record NoteDown(string Text);

public sealed class NoteDownHandler(JobLog log) : IJobHandler<NoteDown>
{
    public Task ExecuteAsync(NoteDown job, CancellationToken cancellationToken)
    {
        log.Runs.Enqueue(job.Text);
        return Task.CompletedTask;
    }
}

[JobName("test-fail", 1)]
public sealed record AlwaysFail(string Reason);

public sealed class AlwaysFailHandler(JobLog log) : IJobHandler<AlwaysFail>
{
    public Task ExecuteAsync(AlwaysFail job, CancellationToken cancellationToken)
    {
        log.Runs.Enqueue("fail");
        throw new InvalidOperationException(job.Reason);
    }
}

[JobName("test-wait", 1)]
public sealed record WaitForCancellation;

public sealed class WaitForCancellationHandler(JobLog log, JobContext context) : IJobHandler<WaitForCancellation>
{
    public async Task ExecuteAsync(WaitForCancellation job, CancellationToken cancellationToken)
    {
        log.Started.SetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            log.SawCancellation.TrySetResult(cancellationToken.IsCancellationRequested);
            log.CancelledByOperator.TrySetResult(context.Run.IsCancelledByOperator());
        }
    }
}

/// <summary>Reports progress and leaves a result, as a long job does.</summary>
[JobName("test-result", 1)]
public sealed record LeaveResult(string Text);

public sealed class LeaveResultHandler(JobContext context) : IJobHandler<LeaveResult>
{
    public Task ExecuteAsync(LeaveResult job, CancellationToken cancellationToken)
    {
        context.Run.ReportProgress(new JobProgress(3, 4, null, null, "pages"));
        context.Result = $"{job.Text} (run {context.Run.JobId})";
        return Task.CompletedTask;
    }
}

/// <summary>Fails every time, but its type asks for one retry only (the default is more).</summary>
[JobName("test-fail-one-retry", 1)]
[JobRetries(1)]
public sealed record FailWithOneRetry(string Reason);

public sealed class FailWithOneRetryHandler(JobLog log) : IJobHandler<FailWithOneRetry>
{
    public Task ExecuteAsync(FailWithOneRetry job, CancellationToken cancellationToken)
    {
        log.Runs.Enqueue("fail-one-retry");
        throw new InvalidOperationException(job.Reason);
    }
}

/// <summary>Fails in a way no retry can mend.</summary>
[JobName("test-hopeless", 1)]
public sealed record Hopeless(string Reason);

public sealed class HopelessHandler(JobLog log) : IJobHandler<Hopeless>
{
    public Task ExecuteAsync(Hopeless job, CancellationToken cancellationToken)
    {
        log.Runs.Enqueue("hopeless");
        throw new JobCannotSucceedException(job.Reason);
    }
}

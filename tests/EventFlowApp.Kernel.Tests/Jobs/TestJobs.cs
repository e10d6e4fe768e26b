using System.Collections.Concurrent;
using EventFlowApp.Kernel.Jobs;

namespace EventFlowApp.Kernel.Tests.Jobs;

/// <summary>What the test jobs did.</summary>
public sealed class JobLog
{
    public ConcurrentQueue<string> Runs { get; } = new();

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<bool> SawCancellation { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
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

public sealed class WaitForCancellationHandler(JobLog log) : IJobHandler<WaitForCancellation>
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
        }
    }
}

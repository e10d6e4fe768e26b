using Microsoft.Extensions.Logging;

namespace EventFlowApp.Kernel.Jobs.InMemory;

/// <summary>
/// The default scheduler: jobs live in this process only and are lost on restart (use Hangfire for
/// durable jobs). A job waits on a timer of the injected <see cref="TimeProvider"/> and never runs
/// before it is due; a failed run is retried (<see cref="InMemoryJobSchedulerOptions"/>, a job type's
/// <see cref="JobRetriesAttribute"/>; never after <see cref="JobCannotSucceedException"/>) and then
/// stays <see cref="JobStatus.Failed"/> with its exception, and is logged as an error.
/// </summary>
public sealed partial class InMemoryJobScheduler(
    JobExecutor executor, TimeProvider time, InMemoryJobSchedulerOptions options, ILogger<InMemoryJobScheduler> logger)
    : IJobScheduler, IDisposable
{
    // System timers cannot wait longer than ~49 days; a longer wait re-arms when it wakes, as does a timer
    // that fires before the clock reached the due time.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _jobs = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _shutdown = new();
    private bool _disposed;

    public Task<string> EnqueueAsync<TJob>(TJob job, string? jobId, CancellationToken cancellationToken)
        where TJob : class =>
        Task.FromResult(Add(executor.Describe(job, jobId ?? NewId()), time.GetUtcNow()));

    public Task<string> ScheduleAsync<TJob>(TJob job, DateTimeOffset runAt, string? jobId, CancellationToken cancellationToken)
        where TJob : class =>
        Task.FromResult(Add(executor.Describe(job, jobId ?? NewId()), runAt));

    public Task<string> ScheduleAsync<TJob>(TJob job, TimeSpan delay, string? jobId, CancellationToken cancellationToken)
        where TJob : class =>
        ScheduleAsync(job, time.GetUtcNow() + delay, jobId, cancellationToken);

    public async Task<bool> CancelAsync(string jobId, CancellationToken cancellationToken)
    {
        Entry? waiting;
        lock (_lock)
        {
            if (!_jobs.TryGetValue(jobId, out var entry))
            {
                return false;
            }

            switch (entry.Status)
            {
                case JobStatus.Scheduled:
                    entry.Timer?.Dispose();
                    entry.Status = JobStatus.Cancelled;
                    waiting = entry;
                    break;
                case JobStatus.Running:
                    // The run ends as Cancelled once the handler gives up; see RunAsync.
                    entry.CancelRequested = true;
                    entry.Cancellation?.Cancel();
                    return true;
                default:
                    return false;
            }
        }

        // A job that never ran (or waits for a retry) lets its handler undo what was prepared for it. If
        // that fails, the job waits again, as before the cancel, and the caller sees why.
        try
        {
            await executor.NotifyCancelledAsync(waiting.Request, cancellationToken);
        }
        catch
        {
            lock (_lock)
            {
                waiting.Status = JobStatus.Scheduled;
                Arm(waiting);
            }

            throw;
        }

        return true;
    }

    public JobInfo? GetJob(string jobId)
    {
        lock (_lock)
        {
            return _jobs.TryGetValue(jobId, out var entry) ? entry.Info() : null;
        }
    }

    public IReadOnlyList<JobInfo> Jobs
    {
        get
        {
            lock (_lock)
            {
                return _jobs.Values.Select(e => e.Info()).ToList();
            }
        }
    }

    /// <summary>Waits until no job is running (jobs started by running jobs included); waiting jobs are not waited for.</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task[] running;
            lock (_lock)
            {
                running = _jobs.Values.Where(e => e.Status == JobStatus.Running && e.Run is not null).Select(e => e.Run!).ToArray();
            }

            if (running.Length == 0)
            {
                return;
            }

            await Task.WhenAll(running).WaitAsync(cancellationToken);
        }
    }

    /// <summary>Stops the timers and cancels running jobs. Safe to call twice (the container may hold it under two services).</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var entry in _jobs.Values)
            {
                entry.Timer?.Dispose();
            }

            _shutdown.Cancel();
        }
    }

    private static string NewId() => "job-" + Guid.NewGuid().ToString("D");

    private string Add(JobRequest request, DateTimeOffset dueAt)
    {
        lock (_lock)
        {
            // A known id is never scheduled twice, whatever became of the first: callers use ids derived
            // from what the job is for (a saga timeout, a command), so a repeated request is a retry.
            if (_jobs.ContainsKey(request.JobId))
            {
                return request.JobId;
            }

            var entry = new Entry(request, dueAt);
            _jobs.Add(request.JobId, entry);
            Arm(entry);
            return request.JobId;
        }
    }

    /// <summary>Under the lock: starts the job when due, else sets a timer for it.</summary>
    private void Arm(Entry entry)
    {
        var wait = entry.DueAt - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            Start(entry);
            return;
        }

        entry.Timer?.Dispose();
        if (_disposed)
        {
            return;
        }

        entry.Timer = time.CreateTimer(OnTimer, entry, wait < LongestWait ? wait : LongestWait, Timeout.InfiniteTimeSpan);
    }

    private void OnTimer(object? state)
    {
        var entry = (Entry)state!;
        lock (_lock)
        {
            if (entry.Status == JobStatus.Scheduled)
            {
                Arm(entry);
            }
        }
    }

    private void Start(Entry entry)
    {
        if (_disposed)
        {
            return;
        }

        entry.Status = JobStatus.Running;
        entry.Attempts++;
        entry.Cancellation = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
        var token = entry.Cancellation.Token;
        entry.Run = Task.Run(() => RunAsync(entry, token), CancellationToken.None);
    }

    private async Task RunAsync(Entry entry, CancellationToken cancellationToken)
    {
        Exception? error = null;
        try
        {
            entry.Result = await executor.ExecuteAsync(entry.Request, entry, cancellationToken);
        }
        catch (Exception e)
        {
            error = e;
        }

        lock (_lock)
        {
            entry.Cancellation?.Dispose();
            entry.Cancellation = null;
            if (error is null)
            {
                entry.Status = JobStatus.Succeeded;
            }
            else if (error is OperationCanceledException && (entry.CancelRequested || _shutdown.IsCancellationRequested))
            {
                entry.Status = JobStatus.Cancelled;
            }
            else
            {
                Fail(entry, error);
            }
        }
    }

    private void Fail(Entry entry, Exception error)
    {
        entry.LastError = error;
        var attempts = executor.Definition(entry.Request).Retries is { } retries ? retries + 1 : options.MaxAttempts;
        // A job that says it cannot succeed would only fail the same way again (Hangfire's retry filter agrees).
        var retry = error is not JobCannotSucceedException && entry.Attempts < attempts;
        LogJobFailed(logger, error, entry.Request.ToString(), entry.Attempts, retry);
        if (!retry)
        {
            entry.Status = JobStatus.Failed;
            return;
        }

        entry.Status = JobStatus.Scheduled;
        entry.DueAt = time.GetUtcNow() + (options.RetryDelay * entry.Attempts);
        Arm(entry);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} failed on attempt {Attempt} (retrying: {Retry})")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, string job, int attempt, bool retry);
}

namespace EventFlowApp.Kernel.Jobs;

/// <summary>
/// Runs jobs now, at a time or after a delay, in the background. Small on purpose, so that it maps onto
/// Hangfire (Enqueue, Schedule, Delete). A job id given by the caller makes scheduling idempotent: a
/// second request with a known id schedules nothing new. Without one, a fresh id is made.
/// </summary>
public interface IJobScheduler
{
    /// <summary>Queues the job to run as soon as possible; returns its id.</summary>
    Task<string> EnqueueAsync<TJob>(TJob job, string? jobId, CancellationToken cancellationToken)
        where TJob : class;

    /// <summary>Queues the job to run at <paramref name="runAt"/>, not before; returns its id.</summary>
    Task<string> ScheduleAsync<TJob>(TJob job, DateTimeOffset runAt, string? jobId, CancellationToken cancellationToken)
        where TJob : class;

    /// <summary>Queues the job to run once <paramref name="delay"/> has passed, not before; returns its id.</summary>
    Task<string> ScheduleAsync<TJob>(TJob job, TimeSpan delay, string? jobId, CancellationToken cancellationToken)
        where TJob : class;

    /// <summary>
    /// Cancels a job that has not finished: a waiting one never runs, a running one has its token cancelled.
    /// False when the id is unknown or the job already ended.
    /// </summary>
    Task<bool> CancelAsync(string jobId, CancellationToken cancellationToken);
}

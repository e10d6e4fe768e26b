namespace EventFlowApp.Kernel.Jobs;

/// <summary>
/// Runs a job of type <typeparamref name="TJob"/> (a record carrying <see cref="JobNameAttribute"/>).
/// Resolved from a fresh DI scope per run. A job may run more than once (a retry, a node that died
/// mid-run), so a handler must be idempotent; it should stop when the token is cancelled.
/// </summary>
public interface IJobHandler<in TJob>
    where TJob : class
{
    Task ExecuteAsync(TJob job, CancellationToken cancellationToken);
}

/// <summary>
/// Undoes what was prepared for a job of type <typeparamref name="TJob"/> that is cancelled while it
/// waits (queued, scheduled, or between two attempts): such a job never runs, so its handler never sees
/// a cancelled token. A rebuild's generation, made before its job was queued, is ended this way.
/// Implemented by the job's handler class, next to <see cref="IJobHandler{TJob}"/>.
/// </summary>
public interface IJobCancelledHandler<in TJob>
    where TJob : class
{
    Task CancelledAsync(TJob job, CancellationToken cancellationToken);
}

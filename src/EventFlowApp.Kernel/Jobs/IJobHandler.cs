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

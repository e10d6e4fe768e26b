using System.ComponentModel;
using EventFlowApp.Kernel.Jobs;
using Hangfire.Server;

namespace EventFlowApp.Kernel.Hangfire.Running;

/// <summary>
/// The one method Hangfire calls for every job of ours. Its signature is part of every queued job, so it
/// never changes; what varies is the <see cref="JobRequest"/>. Hangfire passes its cancellation token
/// (fired on shutdown and when the job is deleted, e.g. from the dashboard) and its context; exceptions
/// are left to Hangfire, so its retries and failed list see them. The returned text is the job's result.
/// </summary>
public sealed class HangfireJobRunner(JobExecutor executor, TimeProvider time)
{
    /// <summary>The job parameter with the moment a scheduled job is due, to the tick.</summary>
    public const string NotBeforeParameter = "NotBefore";

    [DisplayName("{0}")]
    public async Task<string?> RunAsync(JobRequest request, PerformContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        await WaitUntilDueAsync(context, cancellationToken);
        var run = new HangfireJobRun(request.JobId, context, time);
        try
        {
            return await executor.ExecuteAsync(request, run, cancellationToken);
        }
        finally
        {
            run.Flush();
        }
    }

    /// <summary>
    /// Hangfire keeps a scheduled job's due time in whole seconds and moves it to the queue once that
    /// second has begun, so it can start up to a second early. A job asked for "not before T" waits out
    /// the rest here.
    /// </summary>
    private async Task WaitUntilDueAsync(PerformContext context, CancellationToken cancellationToken)
    {
        // Stale is fine: the due time never changes, and the parameters the job was fetched with save a read.
        var raw = context.GetJobParameter<string>(NotBeforeParameter, allowStale: true);
        if (raw is null)
        {
            return;
        }

        var due = DateTimeOffset.Parse(raw, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

        // Timers run on a coarser clock than the wall clock and may wake a little early: look again.
        for (var early = due - time.GetUtcNow(); early > TimeSpan.Zero; early = due - time.GetUtcNow())
        {
            await Task.Delay(early + TimeSpan.FromMilliseconds(1), time, cancellationToken);
        }
    }
}

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
    [DisplayName("{0}")]
    public async Task<string?> RunAsync(JobRequest request, PerformContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
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
}

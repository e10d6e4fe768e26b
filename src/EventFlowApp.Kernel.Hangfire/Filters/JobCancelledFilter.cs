using EventFlowApp.Kernel.Hangfire.Running;
using EventFlowApp.Kernel.Jobs;
using Hangfire.States;

namespace EventFlowApp.Kernel.Hangfire.Filters;

/// <summary>
/// A job deleted while it waits (enqueued, scheduled, failed or awaiting a retry), by the dashboard or by
/// <see cref="IJobScheduler.CancelAsync"/>, never runs; its <see cref="IJobCancelledHandler{TJob}"/> is
/// told here, before the deletion is stored. If the handler fails, the deletion fails with it and the
/// job stays as it was. A running job is told by its cancelled token instead, and a finished one has
/// nothing to undo.
/// </summary>
internal sealed class JobCancelledFilter(JobExecutor executor) : IElectStateFilter
{
    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is not DeletedState || context.CurrentState is null
            || JobStates.IsProcessing(context.CurrentState) || JobStates.IsOver(context.CurrentState))
        {
            return;
        }

        if (context.BackgroundJob.Job?.Args is [JobRequest request, ..])
        {
            // Hangfire's filters are synchronous; this runs on the thread that deletes (a dashboard request, a scheduler call).
            executor.NotifyCancelledAsync(request, CancellationToken.None).GetAwaiter().GetResult();
        }
    }
}

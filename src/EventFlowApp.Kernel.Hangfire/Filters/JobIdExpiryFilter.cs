using EventFlowApp.Kernel.Hangfire.Running;
using EventFlowApp.Kernel.Hangfire.Scheduling;
using EventFlowApp.Kernel.Jobs;
using Hangfire.States;
using Hangfire.Storage;

namespace EventFlowApp.Kernel.Hangfire.Filters;

/// <summary>
/// Keeps the id map (<see cref="JobIdMap"/>) as long as Hangfire keeps the job: when a job ends
/// (succeeded, deleted) its entry expires with it, and lives again if the job is requeued.
/// </summary>
internal sealed class JobIdExpiryFilter : IApplyStateFilter
{
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        if (context.NewState.IsFinal && Key(context) is { } key && transaction is JobStorageTransaction expiring)
        {
            expiring.ExpireHash(key, context.JobExpirationTimeout);
        }
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        if (JobStates.IsOver(context.OldStateName) && Key(context) is { } key && transaction is JobStorageTransaction expiring)
        {
            expiring.PersistHash(key);
        }
    }

    /// <summary>Our id travels in the job's argument, so no read of the storage is needed to find its entry.</summary>
    private static string? Key(ApplyStateContext context) =>
        context.BackgroundJob.Job?.Args is [JobRequest request, ..] ? JobIdMap.HashKey(request.JobId) : null;
}

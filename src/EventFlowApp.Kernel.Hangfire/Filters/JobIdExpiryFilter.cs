using EventFlowApp.Kernel.Hangfire.Scheduling;
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
        if (IsFinal(context.OldStateName) && Key(context) is { } key && transaction is JobStorageTransaction expiring)
        {
            expiring.PersistHash(key);
        }
    }

    private static bool IsFinal(string? state) =>
        string.Equals(state, SucceededState.StateName, StringComparison.OrdinalIgnoreCase) || string.Equals(state, DeletedState.StateName, StringComparison.OrdinalIgnoreCase);

    private static string? Key(ApplyStateContext context)
    {
        // Parameters are stored as JSON; ours is a plain string.
        var raw = context.Connection.GetJobParameter(context.BackgroundJob.Id, JobIdMap.JobIdParameter);
        return string.IsNullOrEmpty(raw) ? null : JobIdMap.HashKey(System.Text.Json.JsonSerializer.Deserialize<string>(raw)!);
    }
}

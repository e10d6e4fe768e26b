using Hangfire;
using Hangfire.Storage;

namespace EventFlowApp.Kernel.Hangfire.Scheduling;

/// <summary>
/// Our job ids (chosen by callers, derived from what the job is for) mapped to Hangfire's, kept in
/// Hangfire's own storage so every node sees them. Lookups and creation run under a distributed lock
/// per id, so two nodes scheduling the same id create one job.
/// </summary>
internal sealed class JobIdMap(JobStorage storage)
{
    /// <summary>The job parameter carrying our id, so filters and the dashboard can go from Hangfire's job back to ours.</summary>
    public const string JobIdParameter = "EventFlowAppJobId";

    private const string Field = "HangfireJobId";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    public static string HashKey(string jobId) => "eventflowapp:job:" + jobId;

    public string? Find(string jobId)
    {
        using var connection = storage.GetConnection();
        return Read(connection, jobId);
    }

    /// <summary>Returns the Hangfire id mapped to <paramref name="jobId"/>, creating the job with <paramref name="create"/> when none exists.</summary>
    public string GetOrCreate(string jobId, Func<string> create)
    {
        using var connection = storage.GetConnection();
        using var _ = connection.AcquireDistributedLock("eventflowapp:job-lock:" + jobId, LockTimeout);
        if (Read(connection, jobId) is { } existing && connection.GetJobData(existing) is not null)
        {
            return existing;
        }

        var created = create();
        connection.SetRangeInHash(HashKey(jobId), [new KeyValuePair<string, string>(Field, created)]);
        return created;
    }

    public static string? Read(IStorageConnection connection, string jobId) =>
        connection is JobStorageConnection withHashes
            ? withHashes.GetValueFromHash(HashKey(jobId), Field)
            : connection.GetAllEntriesFromHash(HashKey(jobId))?.GetValueOrDefault(Field);
}

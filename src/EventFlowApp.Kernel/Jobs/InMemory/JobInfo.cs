namespace EventFlowApp.Kernel.Jobs.InMemory;

public enum JobStatus
{
    /// <summary>Waiting for its due time (also between a failed attempt and its retry).</summary>
    Scheduled,

    Running,

    Succeeded,

    /// <summary>Every attempt failed; <see cref="JobInfo.LastError"/> says why.</summary>
    Failed,

    Cancelled,
}

/// <summary>What the in-memory scheduler knows of one job: when it is due, how it ended, its last error, progress and result.</summary>
public sealed record JobInfo(
    JobRequest Request, DateTimeOffset DueAt, JobStatus Status, int Attempts, Exception? LastError, JobProgress? Progress, string? Result)
{
    public string JobId => Request.JobId;
}

public sealed class InMemoryJobSchedulerOptions
{
    /// <summary>Runs of a failing job before it is marked failed (Hangfire retries too); a job type's [JobRetries] overrides it.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait before a failed job runs again; grows with each attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}

namespace EventFlowApp.Kernel.Jobs;

/// <summary>
/// What a running job can tell the scheduler that runs it, and ask of it. Each scheduler implements it
/// (Hangfire keeps progress on the job, so the dashboard shows it while the job runs).
/// </summary>
public interface IJobRun
{
    string JobId { get; }

    /// <summary>Records how far the job is; called often, so the scheduler may keep only the latest every second or so.</summary>
    void ReportProgress(JobProgress progress);

    /// <summary>
    /// After the job's token fired: true when someone cancelled this job on purpose (the dashboard,
    /// <see cref="IJobScheduler.CancelAsync"/>), false when the node is shutting down and the job will
    /// run again elsewhere or later. A job that can resume tells the two apart with this.
    /// </summary>
    bool IsCancelledByOperator();
}

/// <summary>
/// The running job's context, resolved in the job's scope: its run (progress, cancellation) and the
/// result it leaves, which the scheduler keeps with the finished job (the dashboard shows it).
/// </summary>
public sealed class JobContext
{
    private IJobRun? _run;

    public IJobRun Run
    {
        get => _run ?? throw new InvalidOperationException("No job is running in this scope; JobContext is only set inside a job.");
        internal set => _run = value;
    }

    /// <summary>A short, human summary of what the job did ("rebuilt ledger_lines: 12,000 events in 3.1 s").</summary>
    public string? Result { get; set; }
}

/// <summary>How far a job is: done of total (when known), its rate and the time left.</summary>
public sealed record JobProgress(long Done, long? Total, double? PerSecond, TimeSpan? Remaining, string Unit = "items")
{
    public override string ToString()
    {
        var text = Total is { } total ? $"{Done:N0} / {total:N0} {Unit}" : $"{Done:N0} {Unit}";
        if (Total is > 0)
        {
            text += $" ({100.0 * Done / Total.Value:0.0}%)";
        }

        if (PerSecond is { } rate)
        {
            text += $", {rate:N0}/s";
        }

        return Remaining is { } left ? $"{text}, about {Math.Ceiling(left.TotalSeconds):N0} s left" : text;
    }
}

/// <summary>
/// How often Hangfire (or the in-memory scheduler) retries a failing job of this type; without it the
/// scheduler's default applies. A health check, whose failure is the report, uses 0.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class JobRetriesAttribute(int attempts) : Attribute
{
    public int Attempts { get; } = attempts >= 0 ? attempts : throw new ArgumentOutOfRangeException(nameof(attempts), "Retries cannot be negative.");
}

/// <summary>A job run outside any scheduler (a command-line tool, a test): progress is kept in memory and nobody cancels it on purpose.</summary>
public sealed class DetachedJobRun(string jobId) : IJobRun
{
    public string JobId { get; } = jobId;

    public JobProgress? LastProgress { get; private set; }

    public void ReportProgress(JobProgress progress) => LastProgress = progress;

    public bool IsCancelledByOperator() => false;
}

/// <summary>
/// Jobs of this type run for minutes or hours (a rebuild). A scheduler keeps them apart from short jobs
/// (Hangfire: a queue with its own workers), so a saga deadline or a scheduled command never waits
/// behind them.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LongRunningJobAttribute : Attribute;

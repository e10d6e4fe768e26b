using EventFlowApp.Kernel.Jobs;
using Hangfire.Server;
using Hangfire.States;

namespace EventFlowApp.Kernel.Hangfire.Running;

/// <summary>
/// A running Hangfire job as the kernel sees it. Progress is kept as a job parameter (the dashboard's job
/// page shows it, see <c>ProgressRenderer</c>), written at most once a second and once more at the end.
/// Each write and each state check opens its own storage connection: the worker's connection is not
/// shared with the job's threads.
/// </summary>
internal sealed class HangfireJobRun(string jobId, PerformContext context, TimeProvider time) : IJobRun
{
    public const string ProgressParameter = "Progress";
    private static readonly TimeSpan WriteEvery = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private JobProgress? _latest;
    private JobProgress? _written;
    private DateTimeOffset _lastWrite = DateTimeOffset.MinValue;

    public string JobId { get; } = jobId;

    public void ReportProgress(JobProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        lock (_lock)
        {
            _latest = progress;
            if (time.GetUtcNow() - _lastWrite < WriteEvery)
            {
                return;
            }
        }

        Flush();
    }

    /// <summary>Writes the latest progress if it was not written yet.</summary>
    public void Flush()
    {
        JobProgress? toWrite;
        lock (_lock)
        {
            toWrite = _latest;
            if (toWrite is null || ReferenceEquals(toWrite, _written))
            {
                return;
            }

            _written = toWrite;
            _lastWrite = time.GetUtcNow();
        }

        using var connection = context.Storage.GetConnection();
        connection.SetJobParameter(context.BackgroundJob.Id, ProgressParameter, toWrite.ToString());
    }

    /// <summary>
    /// Hangfire cancels a job's token on shutdown (the job stays Processing and is run again) and when
    /// the job leaves Processing because someone deleted it: only the latter is an operator's cancel.
    /// </summary>
    public bool IsCancelledByOperator()
    {
        using var connection = context.Storage.GetConnection();
        var state = connection.GetStateData(context.BackgroundJob.Id);
        return !JobStates.IsProcessing(state?.Name);
    }
}

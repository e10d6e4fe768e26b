namespace EventFlowApp.Kernel.Jobs.InMemory;

public sealed partial class InMemoryJobScheduler
{
    /// <summary>One job as the scheduler holds it: its request, due time, status and attempts, and the run it is (progress, cancel).</summary>
    private sealed class Entry(JobRequest request, DateTimeOffset dueAt) : IJobRun
    {
        private JobProgress? _progress;

        public string JobId => Request.JobId;

        public JobProgress? Progress => Volatile.Read(ref _progress);

        public string? Result { get; set; }

        public void ReportProgress(JobProgress progress) => Volatile.Write(ref _progress, progress);

        // Read by the job after its token fired; the flag is set before the token is cancelled.
        public bool IsCancelledByOperator() => Volatile.Read(ref _cancelRequested);

        public JobRequest Request { get; } = request;

        public DateTimeOffset DueAt { get; set; } = dueAt;

        public JobStatus Status { get; set; } = JobStatus.Scheduled;

        public int Attempts { get; set; }

        public Exception? LastError { get; set; }

        private bool _cancelRequested;

        public bool CancelRequested
        {
            get => Volatile.Read(ref _cancelRequested);
            set => Volatile.Write(ref _cancelRequested, value);
        }

        public ITimer? Timer { get; set; }

        public CancellationTokenSource? Cancellation { get; set; }

        public Task? Run { get; set; }

        public JobInfo Info() => new(Request, DueAt, Status, Attempts, LastError, Progress, Result);
    }
}

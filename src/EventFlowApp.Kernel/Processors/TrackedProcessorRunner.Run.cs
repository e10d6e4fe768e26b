using System.Diagnostics;

namespace EventFlowApp.Kernel.Processors;

public sealed partial class TrackedProcessorRunner
{
    private sealed class Run(ITrackedProcessor processor, string owner, IProgress<ProcessorProgress>? progress, Stopwatch clock, DateTimeOffset leaseTakenAt)
    {
        public ITrackedProcessor Processor { get; } = processor;

        public string Owner { get; } = owner;

        public IProgress<ProcessorProgress>? Progress { get; } = progress;

        public Stopwatch Clock { get; } = clock;

        public DateTimeOffset LeaseRenewedAt { get; set; } = leaseTakenAt;

        public long Position { get; set; }

        public long Processed { get; set; }

        public bool CaughtUp { get; set; }

        public ProcessorRunResult Result(ProcessorRunOutcome outcome, long position, ProcessorFailure? failure = null) =>
            new(Processor.Name, outcome, position, Processed, failure);
    }
}

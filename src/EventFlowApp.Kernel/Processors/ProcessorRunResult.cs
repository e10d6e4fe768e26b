namespace EventFlowApp.Kernel.Processors;

public enum ProcessorRunOutcome
{
    /// <summary>Processed everything committed so far (catch-up mode).</summary>
    CaughtUp,

    /// <summary>Reached its end (a point in time) and is marked Completed.</summary>
    Completed,

    /// <summary>Stopped on a failing event (now or earlier); see the processor's last error.</summary>
    Stopped,

    /// <summary>Another node holds the processor.</summary>
    HeldElsewhere,

    /// <summary>The lease was lost while running; what was stored before stays, nothing after.</summary>
    LeaseLost,
}

/// <summary>How a run ended and where the processor stands.</summary>
public sealed record ProcessorRunResult(string Processor, ProcessorRunOutcome Outcome, long Position, long EventsProcessed, ProcessorFailure? Failure);

/// <summary>Progress of a run, reported after each batch. Counts are positions, so gaps in numbering (rolled-back appends) make "done" slightly generous.</summary>
public sealed record ProcessorProgress(string Processor, long Position, long Head, long EventsProcessed, double EventsPerSecond, TimeSpan? EstimatedRemaining)
{
    public double Fraction => Head <= 0 ? 1 : Math.Min(1, (double)Position / Head);
}

namespace EventFlowApp.Kernel.Processors;

public sealed class TrackedProcessorOptions
{
    /// <summary>Events read and handed to a processor at once: one read and one write round trip per batch.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>How long a lease lasts without renewal; a node that stops renewing loses the processor after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a caught-up processor looks for new events when it is not woken by a local commit.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Names this node in leases. Unique per process by default.</summary>
    public string NodeId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
}

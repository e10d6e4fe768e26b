namespace EventFlowApp.Kernel.Configuration;

public sealed class EventFlowAppOptions
{
    /// <summary>How many times a command is retried after a concurrency conflict before it fails.</summary>
    public int ConcurrencyRetries { get; set; } = 5;

    /// <summary>The base of the (jittered, growing) wait between retries.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(5);
}

namespace EventFlowApp.Kernel.Processors;

/// <summary>
/// The caller no longer holds the processor (another node took over an expired lease) or its
/// checkpoint moved under it. Nothing was stored; the caller must stop processing.
/// </summary>
public sealed class ProcessorLeaseLostException(string processor, string owner)
    : InvalidOperationException($"Processor '{processor}' is no longer held by '{owner}' or its checkpoint moved; nothing was stored.")
{
    public string Processor { get; } = processor;
}

namespace EventFlowApp.Kernel.Processors;

/// <summary>
/// Supplies the processors a node keeps running (the live generation of each read model, each
/// asynchronous subscriber, each saga). The processor host asks every registered source again from
/// time to time, so a new generation going live is picked up without a restart.
/// </summary>
public interface ITrackedProcessorSource
{
    Task<IReadOnlyList<ITrackedProcessor>> GetProcessorsAsync(CancellationToken cancellationToken);
}

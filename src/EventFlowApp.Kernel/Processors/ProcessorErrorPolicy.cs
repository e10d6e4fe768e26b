namespace EventFlowApp.Kernel.Processors;

/// <summary>What a processor does with an event it cannot handle. Either way the event, the exception and the position are recorded.</summary>
public enum ProcessorErrorPolicy
{
    /// <summary>Stop at the event (the default): nothing after it is processed until an operator resumes.</summary>
    Stop,

    /// <summary>Record the event as parked and go on with the next one.</summary>
    Park,
}

namespace EventFlowApp.Kernel.Replay;

/// <summary>
/// Says whether the code running now handles an event for the first time or again (a rebuild, a
/// point-in-time generation, a processor reset by an operator). Handlers that touch the outside world
/// are marked <see cref="DisallowReplayAttribute"/> and are not called during a replay; others can ask.
/// </summary>
public interface IReplayContext
{
    bool IsReplaying { get; }

    /// <summary>The processor handling the event, or null outside tracked processing.</summary>
    string? Processor { get; }

    /// <summary>During a replay, the last position being replayed; events after it are new.</summary>
    long? ReplayUntil { get; }
}

/// <summary>
/// This handler calls an external system (mail, payments): it runs once per real event and never
/// during a replay or rebuild. Axon calls this @DisallowReplay.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class DisallowReplayAttribute : Attribute;

namespace EventFlowApp.Kernel.Replay;

/// <summary>
/// The ambient replay state, flowing with the async call (AsyncLocal), so a handler's dependencies see
/// the same answer as the handler. Tracked processors set it around each event they hand out.
/// </summary>
public sealed class ReplayContext : IReplayContext
{
    private static readonly AsyncLocal<State?> Current = new();

    public bool IsReplaying => Current.Value?.IsReplaying ?? false;

    public string? Processor => Current.Value?.Processor;

    public long? ReplayUntil => Current.Value is { IsReplaying: true } s ? s.ReplayUntil : null;

    /// <summary>Sets the state until the returned scope is disposed.</summary>
    public static IDisposable Enter(string processor, bool isReplaying, long replayUntil)
    {
        var previous = Current.Value;
        Current.Value = new State(processor, isReplaying, replayUntil);
        return new Scope(previous);
    }

    private sealed record State(string Processor, bool IsReplaying, long ReplayUntil);

    private sealed class Scope(State? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}

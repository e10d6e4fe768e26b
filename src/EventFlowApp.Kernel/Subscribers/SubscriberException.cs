namespace EventFlowApp.Kernel.Subscribers;

/// <summary>
/// One or more synchronous subscribers failed after the events were committed. The events are stored;
/// sending the same command again is a no-op (same source id), so fix the subscriber and replay it.
/// </summary>
public sealed class SubscriberException : AggregateException
{
    public SubscriberException(IReadOnlyList<long> committedPositions, IEnumerable<Exception> failures)
        : base(
            $"Events at positions {string.Join(", ", committedPositions)} were committed, but a synchronous subscriber failed.",
            failures)
    {
        CommittedPositions = committedPositions;
    }

    public IReadOnlyList<long> CommittedPositions { get; }
}

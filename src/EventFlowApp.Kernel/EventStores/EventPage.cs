namespace EventFlowApp.Kernel.EventStores;

/// <summary>
/// A page of the global stream. <see cref="NextPosition"/> is where the next read continues (the last
/// position returned, or the one asked for when the page is empty): numbers may have gaps, which mean nothing.
/// </summary>
public sealed record EventPage(IReadOnlyList<CommittedEvent> Events, long NextPosition)
{
    public bool IsEmpty => Events.Count == 0;
}

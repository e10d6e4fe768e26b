namespace EventFlowApp.Kernel.Events;

/// <summary>
/// An event that declares its inverse: folding <see cref="Inverse"/> into the state right after this event
/// gives back the state before it. The aggregate store uses it to walk back from the current state (or a
/// snapshot) to an earlier version instead of replaying from the first event.
/// </summary>
public interface IInvertibleEvent : IAggregateEvent
{
    IAggregateEvent Inverse();
}

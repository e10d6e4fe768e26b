namespace EventFlowApp.Kernel.Processors;

/// <summary>The durable state of one tracked processor: where it is, who runs it, and what stopped it.</summary>
public sealed record ProcessorState(
    string Name,
    long Position,
    long ReplayUntil,
    ProcessorRunState State,
    ProcessorFailure? LastError,
    int ParkedCount,
    string? LeaseOwner,
    DateTimeOffset? LeaseExpiresAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>True while the events up to <see cref="ReplayUntil"/> are being processed again (see <see cref="Replay.IReplayContext"/>).</summary>
    public bool IsReplaying => Position < ReplayUntil;
}

public enum ProcessorRunState
{
    /// <summary>Follows the event store (or waits for a node to take it).</summary>
    Active,

    /// <summary>Stopped on an event it could not handle; see <see cref="ProcessorState.LastError"/>. Resumed by an operator.</summary>
    Stopped,

    /// <summary>Reached its end (a point-in-time generation); processes nothing more.</summary>
    Completed,
}

/// <summary>An event a processor could not handle: which, where, and the exception (type, message and stack).</summary>
public sealed record ProcessorFailure(long Position, Guid EventId, string EventName, string Error, string Detail, DateTimeOffset At)
{
    public static ProcessorFailure From(Events.IDomainEvent domainEvent, string eventName, Exception exception, DateTimeOffset at) =>
        new(domainEvent.GlobalSequenceNumber, domainEvent.EventId, eventName, Describe(exception), exception.ToString(), at);

    /// <summary>An event that could not even be read (unknown name, broken payload) still has a position, an id and a name.</summary>
    public static ProcessorFailure From(EventStores.CommittedEvent row, Exception exception, DateTimeOffset at) =>
        new(row.GlobalSequenceNumber, row.Event.EventId, $"{row.Event.EventName} v{row.Event.EventVersion}", Describe(exception), exception.ToString(), at);

    private static string Describe(Exception exception) => $"{exception.GetType().Name}: {exception.Message}";
}

/// <summary>An event skipped by a processor whose policy is <see cref="ProcessorErrorPolicy.Park"/>, kept for an operator to look at.</summary>
public sealed record ParkedEvent(string Processor, ProcessorFailure Failure);

/// <summary>
/// Moves a checkpoint from <see cref="ExpectedPosition"/> to <see cref="NewPosition"/> for the lease
/// holder <see cref="Owner"/>. With <see cref="Parked"/>, the event it names is recorded as parked in
/// the same transaction.
/// </summary>
public sealed record CheckpointAdvance(string Processor, string Owner, long ExpectedPosition, long NewPosition, ProcessorFailure? Parked = null);

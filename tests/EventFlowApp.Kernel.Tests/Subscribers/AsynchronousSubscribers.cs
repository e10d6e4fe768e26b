using System.Collections.Concurrent;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Replay;
using EventFlowApp.Kernel.Subscribers;
using EventFlowApp.Kernel.Tests.Domain;

namespace EventFlowApp.Kernel.Tests.Subscribers;

/// <summary>Stands for an outside system (mail, a payment provider): every call is a real-world effect.</summary>
public sealed class RecordingNotifier
{
    public ConcurrentQueue<long> Notified { get; } = new();

    public ConcurrentQueue<(long Position, bool Replaying)> Audited { get; } = new();

    /// <summary>While set, <see cref="FlakyPokedSubscriber"/> throws.</summary>
    public bool Broken { get; set; }

    public ConcurrentQueue<long> Poked { get; } = new();
}

[SubscriberName("thing-notifier")]
[DisallowReplay]
public sealed class NotifyOnCounted(RecordingNotifier notifier) : ISubscribeAsynchronousTo<Thing, ThingId, ThingCounted>
{
    public Task HandleAsync(IDomainEvent<Thing, ThingId, ThingCounted> domainEvent, CancellationToken cancellationToken)
    {
        notifier.Notified.Enqueue(domainEvent.GlobalSequenceNumber);
        return Task.CompletedTask;
    }
}

/// <summary>Replays are fine for it: it only records, and asks the replay context what is happening.</summary>
[SubscriberName("thing-audit")]
public sealed class AuditCounted(RecordingNotifier notifier, IReplayContext replay) : ISubscribeAsynchronousTo<Thing, ThingId, ThingCounted>
{
    public Task HandleAsync(IDomainEvent<Thing, ThingId, ThingCounted> domainEvent, CancellationToken cancellationToken)
    {
        notifier.Audited.Enqueue((domainEvent.GlobalSequenceNumber, replay.IsReplaying));
        return Task.CompletedTask;
    }
}

[SubscriberName("thing-poked")]
public sealed class FlakyPokedSubscriber(RecordingNotifier notifier) : ISubscribeAsynchronousTo<Thing, ThingId, ThingPoked>
{
    public Task HandleAsync(IDomainEvent<Thing, ThingId, ThingPoked> domainEvent, CancellationToken cancellationToken)
    {
        if (notifier.Broken)
        {
            throw new InvalidOperationException("the mail server is down");
        }

        notifier.Poked.Enqueue(domainEvent.GlobalSequenceNumber);
        return Task.CompletedTask;
    }
}

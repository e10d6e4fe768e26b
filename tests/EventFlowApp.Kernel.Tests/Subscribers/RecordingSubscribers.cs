using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Subscribers;
using EventFlowApp.Kernel.Tests.Domain;

namespace EventFlowApp.Kernel.Tests.Subscribers;

/// <summary>What the subscribers saw, and how many events were stored when they saw it.</summary>
public sealed class SubscriberLog
{
    private readonly List<(string Subscriber, IDomainEvent Event, long StoredHead)> _calls = [];

    public IReadOnlyList<(string Subscriber, IDomainEvent Event, long StoredHead)> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public void Add(string subscriber, IDomainEvent domainEvent, long storedHead)
    {
        lock (_calls)
        {
            _calls.Add((subscriber, domainEvent, storedHead));
        }
    }
}

public sealed class CountedRecorder(SubscriberLog log, IEventPersistence store) : ISubscribeSynchronousTo<Thing, ThingId, ThingCounted>
{
    public async Task HandleAsync(IDomainEvent<Thing, ThingId, ThingCounted> domainEvent, CancellationToken cancellationToken) =>
        log.Add(nameof(CountedRecorder), domainEvent, await store.GetHeadPositionAsync(cancellationToken));
}

public sealed class CreatedRecorder(SubscriberLog log) : ISubscribeSynchronousTo<Thing, ThingId, ThingCreated>
{
    public Task HandleAsync(IDomainEvent<Thing, ThingId, ThingCreated> domainEvent, CancellationToken cancellationToken)
    {
        log.Add(nameof(CreatedRecorder), domainEvent, 0);
        return Task.CompletedTask;
    }
}

/// <summary>Fails after an await, like most real subscribers.</summary>
public sealed class FailingRenamedSubscriber : ISubscribeSynchronousTo<Thing, ThingId, ThingRenamed>
{
    public async Task HandleAsync(IDomainEvent<Thing, ThingId, ThingRenamed> domainEvent, CancellationToken cancellationToken)
    {
        await Task.Yield();
        throw new InvalidOperationException($"mailer down for {domainEvent.AggregateEvent.NewName}");
    }
}

public sealed class RenamedRecorder(SubscriberLog log) : ISubscribeSynchronousTo<Thing, ThingId, ThingRenamed>
{
    public Task HandleAsync(IDomainEvent<Thing, ThingId, ThingRenamed> domainEvent, CancellationToken cancellationToken)
    {
        log.Add(nameof(RenamedRecorder), domainEvent, 0);
        return Task.CompletedTask;
    }
}

/// <summary>Fails before returning a task (no async state machine).</summary>
public sealed class SynchronouslyFailingPokedSubscriber : ISubscribeSynchronousTo<Thing, ThingId, ThingPoked>
{
    public Task HandleAsync(IDomainEvent<Thing, ThingId, ThingPoked> domainEvent, CancellationToken cancellationToken) =>
        throw new FormatException("poked the wrong way");
}

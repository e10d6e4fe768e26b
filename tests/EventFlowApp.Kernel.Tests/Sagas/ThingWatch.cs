using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Sagas;
using EventFlowApp.Kernel.Tests.Domain;

namespace EventFlowApp.Kernel.Tests.Sagas;

/// <summary>
/// A saga per thing: started when the thing is created, it asks for a deadline an hour later; each
/// count pokes and renames the thing; the third count cancels the deadline; a deadline that comes
/// renames the thing "expired". Pokes of things it does not watch are ignored.
/// </summary>
[AggregateName("ThingWatch")]
[SagaLocator(typeof(ThingWatchLocator))]
public sealed class ThingWatch(ThingWatchId id) : AggregateSaga<ThingWatch, ThingWatchId, ThingWatchState>(id),
    ISagaIsStartedBy<Thing, ThingId, ThingCreated>,
    ISagaHandles<Thing, ThingId, ThingCounted>,
    ISagaHandles<Thing, ThingId, ThingPoked>,
    ISagaHandlesTimeout<WatchDeadline>
{
    public const string Deadline = "deadline";

    public Task HandleAsync(IDomainEvent<Thing, ThingId, ThingCreated> domainEvent, CancellationToken cancellationToken)
    {
        Emit(new WatchStarted(domainEvent.AggregateIdentity));
        RequestTimeout(Deadline, new WatchDeadline("an hour passed"), domainEvent.Timestamp.AddHours(1));
        return Task.CompletedTask;
    }

    public Task HandleAsync(IDomainEvent<Thing, ThingId, ThingCounted> domainEvent, CancellationToken cancellationToken)
    {
        Emit(new WatchSawCount(domainEvent.AggregateEvent.By));
        Publish(new PokeThing(State.Data.Thing!));
        Publish(new RenameThing(State.Data.Thing!, $"counted {State.Data.Counts}"));
        if (State.Data.Counts >= 3 && HasTimeout(Deadline))
        {
            CancelTimeout(Deadline);
        }

        return Task.CompletedTask;
    }

    public Task HandleAsync(IDomainEvent<Thing, ThingId, ThingPoked> domainEvent, CancellationToken cancellationToken)
    {
        Emit(new WatchSawPoke());
        return Task.CompletedTask;
    }

    public Task HandleTimeoutAsync(WatchDeadline timeout, CancellationToken cancellationToken)
    {
        Emit(new WatchExpired(timeout.Reason));
        Publish(new RenameThing(State.Data.Thing!, "expired"));
        return Task.CompletedTask;
    }
}

public sealed class ThingWatchId(string value) : Identity<ThingWatchId>(value)
{
    private static readonly Guid Namespace = new("9d3a4c55-1e0b-4b7e-8f21-3c6d7a8b9e01");

    public static ThingWatchId For(ThingId thing) => NewDeterministic(Namespace, thing.Value);
}

public sealed class ThingWatchLocator : ISagaLocator
{
    public Task<string?> LocateSagaAsync(IDomainEvent domainEvent, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(domainEvent.GetIdentity() is ThingId thing ? ThingWatchId.For(thing).Value : null);
}

[SagaTimeout("thing-watch-deadline", 1)]
public sealed record WatchDeadline(string Reason);

[EventVersion("WatchStarted", 1)]
public sealed record WatchStarted(ThingId Thing) : IAggregateEvent<ThingWatch, ThingWatchId>;

[EventVersion("WatchSawCount", 1)]
public sealed record WatchSawCount(int By) : IAggregateEvent<ThingWatch, ThingWatchId>;

[EventVersion("WatchSawPoke", 1)]
public sealed record WatchSawPoke : IAggregateEvent<ThingWatch, ThingWatchId>;

[EventVersion("WatchExpired", 1)]
public sealed record WatchExpired(string Reason) : IAggregateEvent<ThingWatch, ThingWatchId>;

public sealed record ThingWatchState : IAggregateState<ThingWatchState>
{
    public ThingId? Thing { get; init; }

    public int Counts { get; init; }

    public int Pokes { get; init; }

    public string? ExpiredBecause { get; init; }

    public ThingWatchState Apply(IAggregateEvent aggregateEvent) => aggregateEvent switch
    {
        WatchStarted e => this with { Thing = e.Thing },
        WatchSawCount => this with { Counts = Counts + 1 },
        WatchSawPoke => this with { Pokes = Pokes + 1 },
        WatchExpired e => this with { ExpiredBecause = e.Reason },
        _ => this,
    };
}

using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Subscribers;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Tests.Subscribers;

/// <summary>Synchronous subscribers run in process, once per committed event, after the commit.</summary>
public sealed class SynchronousSubscriberTests : IDisposable
{
    private readonly SubscriberLog _log = new();
    private readonly KernelHost _host;
    private readonly ThingId _id = ThingId.New;

    public SynchronousSubscriberTests() =>
        _host = KernelHost.Create(
            o => o.AddSubscriber<CountedRecorder>().AddSubscriber<CreatedRecorder>(),
            s => s.AddSingleton(_log));

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Each_committed_event_reaches_its_subscribers_once_with_its_type_and_metadata()
    {
        await _host.CreateAsync(_id, "lamp");
        await _host.Bus.PublishAsync(new CountThing(_id, 2, Times: 3) { SourceId = "count-3" }, KernelHost.Ct);

        var counted = _log.Calls.Where(c => c.Subscriber == nameof(CountedRecorder)).Select(c => c.Event).ToList();
        Assert.Equal(3, counted.Count);
        Assert.All(counted, e => Assert.Equal(new ThingCounted(2), Assert.IsType<IDomainEvent<Thing, ThingId, ThingCounted>>(e, exactMatch: false).AggregateEvent));
        Assert.Equal([2L, 3, 4], counted.Select(e => e.AggregateSequenceNumber));
        Assert.Equal([2L, 3, 4], counted.Select(e => e.GlobalSequenceNumber));
        Assert.All(counted, e => Assert.Equal("count-3", e.Metadata.SourceId));
        Assert.All(counted, e => Assert.Equal(_id, e.GetIdentity()));
        var created = Assert.Single(_log.Calls, c => c.Subscriber == nameof(CreatedRecorder)).Event;
        Assert.Equal(new ThingCreated("lamp"), created.GetAggregateEvent());
    }

    [Fact]
    public async Task Subscribers_run_after_the_events_were_committed()
    {
        await _host.CreateAsync(_id);
        await _host.CountAsync(_id, 1, times: 2);

        Assert.All(_log.Calls.Where(c => c.Subscriber == nameof(CountedRecorder)), c => Assert.Equal(3, c.StoredHead));
    }

    [Fact]
    public async Task Refused_and_duplicate_commands_reach_no_subscriber()
    {
        await _host.CreateAsync(_id);
        var count = new CountThing(_id, 1) { SourceId = "once" };
        await _host.Bus.PublishAsync(count, KernelHost.Ct);
        await _host.Bus.PublishAsync(count, KernelHost.Ct);
        await _host.CountAsync(_id, -10);

        Assert.Single(_log.Calls, c => c.Subscriber == nameof(CountedRecorder));
    }

    [Fact]
    public async Task Events_without_a_subscriber_are_committed_quietly()
    {
        await _host.CreateAsync(_id);

        await _host.Bus.PublishAsync(new PokeThing(_id), KernelHost.Ct);

        Assert.Equal(2, (await _host.StreamAsync(_id)).Count);
        Assert.Single(_log.Calls);
    }

    [Fact]
    public async Task A_subscriber_for_every_batch_gets_each_commit_whole()
    {
        var batches = new List<IReadOnlyList<IDomainEvent>>();
        using var host = KernelHost.Create(before: s => s.AddSingleton<ISubscribeSynchronousToAll>(new AllRecorder(batches)));

        await host.CreateAsync(_id);
        await host.CountAsync(_id, 1, times: 3);

        Assert.Equal([1, 3], batches.Select(b => b.Count));
        Assert.Equal([2L, 3, 4], batches[1].Select(e => e.GlobalSequenceNumber));
    }

    [Fact]
    public async Task A_subscriber_for_every_batch_registers_with_AddSubscriber()
    {
        using var host = KernelHost.Create(o => o.AddSubscriber<CountingAllSubscriber>());

        await host.CreateAsync(_id);

        Assert.Single(host.Services.GetServices<ISubscribeSynchronousToAll>());
    }

    public sealed class CountingAllSubscriber : ISubscribeSynchronousToAll
    {
        public Task HandleAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class AllRecorder(List<IReadOnlyList<IDomainEvent>> batches) : ISubscribeSynchronousToAll
    {
        public Task HandleAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken)
        {
            batches.Add(domainEvents);
            return Task.CompletedTask;
        }
    }
}

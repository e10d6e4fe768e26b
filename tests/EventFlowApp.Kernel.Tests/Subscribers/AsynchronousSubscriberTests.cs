using EventFlowApp.Kernel.Configuration;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.Subscribers;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Tests.Subscribers;

public sealed class AsynchronousSubscriberTests : IDisposable
{
    private readonly RecordingNotifier _notifier = new();
    private readonly KernelHost _host;
    private readonly ThingId _id = ThingId.New;

    public AsynchronousSubscriberTests()
    {
        _host = KernelHost.Create(
            o => o.AddSubscriber<NotifyOnCounted>().AddSubscriber<AuditCounted>().AddSubscriber<FlakyPokedSubscriber>(),
            s => s.AddSingleton(_notifier).AddSingleton<IProcessorStore>(sp => new FakeProcessorStore(sp.GetRequiredService<TimeProvider>())));
    }

    private IProcessorStore Store => _host.Get<IProcessorStore>();

    private static CancellationToken Ct => KernelHost.Ct;

    public void Dispose() => _host.Dispose();

    private Task SettleAsync() => BackgroundWork.SettleAsync(_host.Services, Ct);

    private async Task<List<long>> PositionsAsync() => (await _host.AllAsync()).Select(e => e.GlobalSequenceNumber).ToList();

    [Fact]
    public async Task Each_subscriber_class_is_its_own_processor_under_its_stable_name()
    {
        var sources = _host.Services.GetServices<ITrackedProcessorSource>();
        var names = new List<string>();
        foreach (var source in sources)
        {
            names.AddRange((await source.GetProcessorsAsync(Ct)).Select(p => p.Name));
        }

        Assert.Equal(
            ["rm:thing_counters:1", "subscriber:thing-audit", "subscriber:thing-notifier", "subscriber:thing-poked"],
            names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_disallow_replay_subscriber_is_called_once_per_event_and_not_again_in_a_replay()
    {
        await _host.CreateAsync(_id);
        await _host.CountAsync(_id, 1, times: 2);
        await SettleAsync();
        await SettleAsync();
        var counted = (await _host.AllAsync()).Skip(1).Select(e => e.GlobalSequenceNumber).ToList();
        Assert.Equal(counted, _notifier.Notified);

        await Store.ResetAsync("subscriber:thing-notifier", 0, Ct);
        await SettleAsync();
        Assert.Equal(counted, _notifier.Notified);

        await _host.CountAsync(_id, 5);
        await SettleAsync();
        Assert.Equal([.. counted, (await PositionsAsync())[^1]], _notifier.Notified);
        Assert.Equal((await PositionsAsync())[^1], (await Store.GetAsync("subscriber:thing-notifier", Ct))!.Position);
    }

    [Fact]
    public async Task A_subscriber_that_allows_replay_sees_old_events_again_and_knows_it_is_a_replay()
    {
        await _host.CreateAsync(_id);
        await _host.CountAsync(_id);
        await SettleAsync();

        await Store.ResetAsync("subscriber:thing-audit", 0, Ct);
        await _host.CountAsync(_id);
        await SettleAsync();

        var (first, second) = ((await PositionsAsync())[1], (await PositionsAsync())[2]);
        Assert.Equal([(first, false), (first, true), (second, false)], _notifier.Audited);
    }

    [Fact]
    public async Task A_failing_subscriber_stops_at_its_event_and_gets_it_again_once_resumed()
    {
        await _host.CreateAsync(_id);
        await _host.Bus.PublishAsync(new PokeThing(_id), Ct);
        await SettleAsync();
        _notifier.Broken = true;
        await _host.Bus.PublishAsync(new PokeThing(_id), Ct);
        await _host.Bus.PublishAsync(new PokeThing(_id), Ct);
        var positions = await PositionsAsync();

        await SettleAsync();

        var state = (await Store.GetAsync("subscriber:thing-poked", Ct))!;
        Assert.Equal(ProcessorRunState.Stopped, state.State);
        Assert.Equal(positions[2] - 1, state.Position);
        Assert.Equal(positions[2], state.LastError!.Position);
        Assert.Contains("the mail server is down", state.LastError.Error, StringComparison.Ordinal);
        Assert.Equal([positions[1]], _notifier.Poked);

        _notifier.Broken = false;
        await Store.ResumeAsync("subscriber:thing-poked", Ct);
        await SettleAsync();
        Assert.Equal([positions[1], positions[2], positions[3]], _notifier.Poked);
    }

    [Fact]
    public async Task A_parked_event_is_recorded_through_the_checkpoint_move()
    {
        var processor = (await _host.Get<IEnumerable<ITrackedProcessorSource>>().First(s => s is AsynchronousSubscriberSource).GetProcessorsAsync(Ct))
            .Single(p => p.Name == "subscriber:thing-poked");
        await Store.EnsureAsync(processor.Name, Ct);
        await Store.TryAcquireLeaseAsync(processor.Name, "me", TimeSpan.FromMinutes(1), Ct);
        var failure = new ProcessorFailure(1, Guid.NewGuid(), "ThingPoked", "boom", "stack", KernelHost.Start);

        await processor.ProcessAsync(new ProcessorBatch([], new CheckpointAdvance(processor.Name, "me", 0, 1, failure), 0), Ct);

        Assert.Equal(1, (await Store.GetAsync(processor.Name, Ct))!.Position);
        Assert.Equal(failure, Assert.Single(await Store.ListParkedAsync(processor.Name, Ct)).Failure);
    }

    [Fact]
    public void A_subscriber_without_a_stable_name_is_refused_at_registration()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddEventFlowApp(o => o.AddSubscriber<Unnamed>()));

        Assert.Contains("SubscriberName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subscriber_with_the_park_policy_parks_its_failing_event_and_goes_on()
    {
        using var host = KernelHost.Create(
            o => o.AddSubscriber<ParkingSubscriber>(),
            s => s.AddSingleton(_notifier).AddSingleton<IProcessorStore>(sp => new FakeProcessorStore(sp.GetRequiredService<TimeProvider>())));
        await host.CreateAsync(_id);
        await host.Bus.PublishAsync(new PokeThing(_id), Ct);
        await BackgroundWork.SettleAsync(host.Services, Ct);
        _notifier.Broken = true;
        await host.Bus.PublishAsync(new PokeThing(_id), Ct);
        await BackgroundWork.SettleAsync(host.Services, Ct);
        _notifier.Broken = false;
        await host.Bus.PublishAsync(new PokeThing(_id), Ct);
        await BackgroundWork.SettleAsync(host.Services, Ct);

        var positions = (await host.AllAsync()).Select(e => e.GlobalSequenceNumber).ToList();
        var store = host.Get<IProcessorStore>();
        Assert.Equal([positions[1], positions[3]], _notifier.Poked);
        Assert.Equal(positions[2], Assert.Single(await store.ListParkedAsync("subscriber:parking", Ct)).Failure.Position);
        Assert.Equal(ProcessorRunState.Active, (await store.GetAsync("subscriber:parking", Ct))!.State);
    }

    [SubscriberName("parking", ErrorPolicy = ProcessorErrorPolicy.Park)]
    private sealed class ParkingSubscriber(RecordingNotifier notifier) : ISubscribeAsynchronousTo<Thing, ThingId, ThingPoked>
    {
        public Task HandleAsync(Events.IDomainEvent<Thing, ThingId, ThingPoked> domainEvent, CancellationToken cancellationToken) =>
            new FlakyPokedSubscriber(notifier).HandleAsync(domainEvent, cancellationToken);
    }

    private sealed class Unnamed : ISubscribeAsynchronousTo<Thing, ThingId, ThingPoked>
    {
        public Task HandleAsync(Events.IDomainEvent<Thing, ThingId, ThingPoked> domainEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

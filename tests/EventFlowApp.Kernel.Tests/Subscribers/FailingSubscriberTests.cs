using EventFlowApp.Kernel.Subscribers;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Tests.Subscribers;

/// <summary>A failing synchronous subscriber surfaces after the commit; the events stay stored.</summary>
public sealed class FailingSubscriberTests : IDisposable
{
    private readonly SubscriberLog _log = new();
    private readonly KernelHost _host;
    private readonly ThingId _id = ThingId.New;

    public FailingSubscriberTests() =>
        _host = KernelHost.Create(
            o => o.AddSubscriber<FailingRenamedSubscriber>().AddSubscriber<RenamedRecorder>().AddSubscriber<SynchronouslyFailingPokedSubscriber>(),
            s => s.AddSingleton(_log));

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task The_failure_is_a_SubscriberException_raised_after_the_events_were_committed()
    {
        await _host.CreateAsync(_id, "lamp");

        var error = await Assert.ThrowsAsync<SubscriberException>(
            () => _host.Bus.PublishAsync(new RenameThing(_id, "desk lamp"), KernelHost.Ct));

        Assert.Equal([2L], error.CommittedPositions);
        Assert.Contains("committed", error.Message, StringComparison.Ordinal);
        var inner = Assert.IsType<InvalidOperationException>(Assert.Single(error.InnerExceptions));
        Assert.Contains("mailer down for desk lamp", inner.Message, StringComparison.Ordinal);
        Assert.Equal("desk lamp", (await _host.LoadAsync(_id)).State.Name);
    }

    [Fact]
    public async Task A_subscriber_that_cannot_be_built_fails_like_one_that_throws()
    {
        using var host = KernelHost.Create(o => o.AddSubscriber<UnbuildableSubscriber>());
        var id = ThingId.New;

        var error = await Assert.ThrowsAsync<SubscriberException>(() => host.CreateAsync(id, "lamp"));

        Assert.Contains(nameof(IMissingDependency), Assert.Single(error.InnerExceptions).Message, StringComparison.Ordinal);
        Assert.False((await host.LoadAsync(id)).IsNew);
    }

    [Fact]
    public async Task The_other_subscribers_still_run()
    {
        await _host.CreateAsync(_id, "lamp");

        await Assert.ThrowsAsync<SubscriberException>(() => _host.Bus.PublishAsync(new RenameThing(_id, "desk lamp"), KernelHost.Ct));

        Assert.Single(_log.Calls, c => c.Subscriber == nameof(RenamedRecorder));
    }

    [Fact]
    public async Task Sending_the_command_again_is_a_duplicate_that_appends_and_publishes_nothing()
    {
        await _host.CreateAsync(_id, "lamp");
        var rename = new RenameThing(_id, "desk lamp") { SourceId = "rename-1" };
        await Assert.ThrowsAsync<SubscriberException>(() => _host.Bus.PublishAsync(rename, KernelHost.Ct));

        var again = await _host.Bus.PublishAsync(rename, KernelHost.Ct);

        Assert.True(again.WasDuplicate);
        Assert.True(again.IsSuccess);
        Assert.Equal(2, (await _host.StreamAsync(_id)).Count);
        Assert.Single(_log.Calls, c => c.Subscriber == nameof(RenamedRecorder));
    }

    [Fact]
    public async Task A_subscriber_that_throws_before_returning_a_task_is_reported_too()
    {
        await _host.CreateAsync(_id, "lamp");

        var error = await Assert.ThrowsAsync<SubscriberException>(() => _host.Bus.PublishAsync(new PokeThing(_id), KernelHost.Ct));

        Assert.Equal(2, (await _host.StreamAsync(_id)).Count);
        Assert.NotEmpty(error.InnerExceptions);
    }

    public interface IMissingDependency;

    private sealed class UnbuildableSubscriber(IMissingDependency dependency) : ISubscribeSynchronousTo<Thing, ThingId, ThingCreated>
    {
        public Task HandleAsync(EventFlowApp.Kernel.Events.IDomainEvent<Thing, ThingId, ThingCreated> domainEvent, CancellationToken cancellationToken) =>
            Task.FromResult(dependency);
    }
}

using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Subscribers;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.Subscribers;

/// <summary>
/// Regression: subscribers were invoked by reflection, so one that threw before returning its task
/// was reported as a TargetInvocationException instead of its own exception, and a synchronous
/// OperationCanceledException was collected as a failure instead of cancelling.
/// </summary>
public sealed class Bug_SynchronouslyThrowingSubscriberTests
{
    [Fact]
    public async Task Bug_SubscriberThrowingBeforeItsTask_IsReportedWithItsOwnException()
    {
        using var host = KernelHost.Create(o => o.AddSubscriber<SynchronouslyFailingPokedSubscriber>());
        var id = ThingId.New;

        var error = await Assert.ThrowsAsync<SubscriberException>(() => host.Bus.PublishAsync(new PokeThing(id), KernelHost.Ct));

        var inner = Assert.IsType<FormatException>(Assert.Single(error.InnerExceptions));
        Assert.Equal("poked the wrong way", inner.Message);
    }

    [Fact]
    public async Task Bug_SubscriberCancellingBeforeItsTask_CancelsInsteadOfFailing()
    {
        using var host = KernelHost.Create(o => o.AddSubscriber<SynchronouslyCancellingSubscriber>());
        var id = ThingId.New;

        await Assert.ThrowsAsync<OperationCanceledException>(() => host.Bus.PublishAsync(new PokeThing(id), KernelHost.Ct));

        Assert.Single(await host.StreamAsync(id));
    }

    public sealed class SynchronouslyCancellingSubscriber : ISubscribeSynchronousTo<Thing, ThingId, ThingPoked>
    {
        public Task HandleAsync(IDomainEvent<Thing, ThingId, ThingPoked> domainEvent, CancellationToken cancellationToken) =>
            throw new OperationCanceledException("shutting down");
    }
}

using EventFlowApp.Kernel.Configuration;
using EventFlowApp.Kernel.Jobs.InMemory;
using EventFlowApp.Kernel.Sagas;
using EventFlowApp.Kernel.Tests.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Tests.Sagas;

public sealed class SagaLifecycleTests : SagaHost
{
    [Fact]
    public async Task An_event_that_starts_the_saga_stores_it_as_a_stream_and_queues_its_timeout()
    {
        await Host.CreateAsync(Thing);
        await SettleAsync();

        var saga = await SagaAsync();
        Assert.Equal(Thing, saga.State.Data.Thing);
        Assert.Equal(["WatchStarted", "SagaStep:ThingWatch"], (await SagaStreamAsync()).Select(e => e.Event.EventName));
        var timeout = Assert.Single(saga.State.Timeouts.Values);
        Assert.Equal((ThingWatch.Deadline, Support.KernelHost.Start.AddHours(1)), (timeout.Key, timeout.DueAt));
        var job = Jobs.GetJob(timeout.TimeoutId)!;
        Assert.Equal((JobStatus.Scheduled, "saga-timeout"), (job.Status, job.Request.Name));
        Assert.Equal((await Host.AllAsync())[^1].GlobalSequenceNumber, (await ProcessorAsync()).Position);
    }

    [Fact]
    public async Task An_event_the_saga_only_handles_is_ignored_when_there_is_no_saga()
    {
        await Host.Bus.PublishAsync(new PokeThing(Thing), Ct);
        await SettleAsync();

        Assert.Empty(await SagaStreamAsync());
        Assert.Empty(Jobs.Jobs);
    }

    [Fact]
    public async Task Commands_are_sent_only_after_the_saga_stored_its_decision()
    {
        await Host.CreateAsync(Thing);
        await Host.CountAsync(Thing);
        await SettleAsync();

        var step = (await SagaStreamAsync()).First(e => e.Event.EventName == "SagaStep:ThingWatch" && e.Event.AggregateSequenceNumber > 2);
        var thing = await Host.StreamAsync(Thing);
        var poked = thing.Single(e => e.Event.EventName == "ThingPoked");
        var renamed = thing.Single(e => e.Event.EventName == "ThingRenamed");
        Assert.True(step.GlobalSequenceNumber < poked.GlobalSequenceNumber);
        Assert.True(poked.GlobalSequenceNumber < renamed.GlobalSequenceNumber);
        Assert.Equal("counted 1", (await Host.LoadAsync(Thing)).State.Name);
        Assert.Equal(1, (await SagaAsync()).State.Data.Pokes);
    }

    [Fact]
    public async Task A_command_sent_by_a_saga_carries_a_source_id_derived_from_the_saga_and_its_trigger()
    {
        await Host.CreateAsync(Thing);
        await Host.CountAsync(Thing);
        await SettleAsync();

        var counted = (await Host.StreamAsync(Thing)).Single(e => e.Event.EventName == "ThingCounted");
        var poked = (await Host.StreamAsync(Thing)).Single(e => e.Event.EventName == "ThingPoked");
        Assert.Contains($"\"source_id\":\"{SagaIds.Command(Saga.Value, counted.Event.EventId.ToString("D"), 0)}\"", poked.Event.Metadata, StringComparison.Ordinal);
    }

    [Fact]
    public void A_saga_without_a_locator_is_refused_at_registration()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddEventFlowApp(o => o.AddSaga<Unlocated>()));

        Assert.Contains("SagaLocator", error.Message, StringComparison.Ordinal);
    }

    [EventFlowApp.Kernel.Aggregates.AggregateName("Unlocated")]
    private sealed class Unlocated(ThingWatchId id) : AggregateSaga<Unlocated, ThingWatchId, ThingWatchState>(id), ISagaIsStartedBy<Thing, ThingId, ThingCreated>
    {
        public Task HandleAsync(Events.IDomainEvent<Thing, ThingId, ThingCreated> domainEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

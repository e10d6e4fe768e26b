using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.ReadModels;

/// <summary>An event a processor cannot handle is never skipped silently: it stops the processor or is parked, with the event, the exception and the position.</summary>
public sealed class ProcessorErrorTests
{
    private static CancellationToken Ct => KernelHost.Ct;

    [Fact]
    public async Task A_failing_event_stops_the_processor_there_keeping_the_events_before_it()
    {
        using var host = ReadModelHost.Create(configure: o => o.AddReadModel<Unlucky>());
        var id = ThingId.New;
        await host.Kernel.CreateAsync(id);
        await host.Kernel.CountAsync(id, 1, times: 2);
        await host.Kernel.CountAsync(id, 13);
        await host.Kernel.CountAsync(id, 1);

        var results = await host.CatchUpLiveAsync();

        var unlucky = results.Single(r => r.Processor.StartsWith("rm:unlucky", StringComparison.Ordinal));
        Assert.Equal(ProcessorRunOutcome.Stopped, unlucky.Outcome);
        var state = await host.Processors.GetAsync(unlucky.Processor, Ct);
        Assert.Equal(ProcessorRunState.Stopped, state!.State);
        Assert.Equal(3, state.Position);
        var error = state.LastError!;
        Assert.Equal(4, error.Position);
        Assert.Equal(nameof(ThingCounted), error.EventName);
        Assert.Contains("InvalidOperationException: 13 is unlucky", error.Error, StringComparison.Ordinal);
        Assert.Contains("at ", error.Detail, StringComparison.Ordinal);
        Assert.Equal((await host.Kernel.AllAsync())[3].Event.EventId, error.EventId);
        Assert.Equal(2, (await host.Store.GetAsync<Unlucky>(id.Value, ReadModelView.Live, Ct))!.Total);

        // The other read model was not held up.
        var counters = results.Single(r => r.Processor.StartsWith("rm:thing_counters", StringComparison.Ordinal));
        Assert.Equal(ProcessorRunOutcome.CaughtUp, counters.Outcome);
        Assert.Equal(16, (await host.CounterAsync(id))!.Total);
    }

    [Fact]
    public async Task A_stopped_processor_stays_stopped_until_resumed_and_then_retries_the_event()
    {
        using var host = ReadModelHost.Create(configure: o => o.AddReadModel<Unlucky>());
        var id = ThingId.New;
        await host.Kernel.CreateAsync(id);
        await host.Kernel.CountAsync(id, 13);
        await host.CatchUpLiveAsync();
        var name = (await host.LiveAsync("unlucky")).ProcessorName;

        var again = (await host.CatchUpLiveAsync()).Single(r => r.Processor == name);
        Assert.Equal(ProcessorRunOutcome.Stopped, again.Outcome);
        Assert.Equal(0, again.EventsProcessed);

        Unlucky.Forgiving = true;
        try
        {
            await host.Processors.ResumeAsync(name, Ct);
            var resumed = (await host.CatchUpLiveAsync()).Single(r => r.Processor == name);
            Assert.Equal(ProcessorRunOutcome.CaughtUp, resumed.Outcome);
            Assert.Equal(13, (await host.Store.GetAsync<Unlucky>(id.Value, ReadModelView.Live, Ct))!.Total);
        }
        finally
        {
            Unlucky.Forgiving = false;
        }
    }

    [Fact]
    public async Task A_parking_processor_records_the_event_and_goes_on()
    {
        using var host = ReadModelHost.Create(batchSize: 2, configure: o => o.AddReadModel<ParkingUnlucky>());
        var id = ThingId.New;
        await host.Kernel.CreateAsync(id);
        await host.Kernel.CountAsync(id, 13);
        await host.Kernel.CountAsync(id, 2);
        await host.Kernel.CountAsync(id, 13);
        await host.Kernel.CountAsync(id, 3);

        var run = (await host.CatchUpLiveAsync()).Single(r => r.Processor.StartsWith("rm:parking", StringComparison.Ordinal));

        Assert.Equal(ProcessorRunOutcome.CaughtUp, run.Outcome);
        Assert.Equal(5, run.Position);
        Assert.Equal(5, (await host.Store.GetAsync<ParkingUnlucky>(id.Value, ReadModelView.Live, Ct))!.Total);
        var parked = await host.Processors.ListParkedAsync(run.Processor, Ct);
        Assert.Equal([2L, 4L], parked.Select(p => p.Failure.Position));
        Assert.All(parked, p => Assert.Contains("13 is unlucky", p.Failure.Error, StringComparison.Ordinal));
        Assert.Equal(2, (await host.Processors.GetAsync(run.Processor, Ct))!.ParkedCount);
    }

    [Fact]
    public async Task An_event_that_cannot_be_read_stops_the_processor_with_its_stored_name()
    {
        using var host = ReadModelHost.Create();
        var id = ThingId.New;
        await host.Kernel.CreateAsync(id);
        await host.Kernel.Persistence.AppendAsync(ThingId.New, 0, ("ThingVanished", 1, "{}"));
        await host.Kernel.CountAsync(id, 1);

        var run = Assert.Single(await host.CatchUpLiveAsync());

        Assert.Equal(ProcessorRunOutcome.Stopped, run.Outcome);
        Assert.Equal(1, run.Position);
        Assert.Equal(2, run.Failure!.Position);
        Assert.Equal("ThingVanished v1", run.Failure.EventName);
        Assert.Equal(1, (await host.CounterAsync(id))!.Events);
    }

    [Fact]
    public async Task A_store_failure_is_thrown_and_stores_nothing_so_the_next_run_redoes_the_batch()
    {
        var store = new CountingStore(TimeProvider.System);
        using var host = ReadModelHost.Create(before: s => s.AddReadModelStore(store));
        var id = ThingId.New;
        await host.Kernel.CreateAsync(id);
        await host.Kernel.CountAsync(id, 4);
        store.FailNextCommit = new TimeoutException("connection dropped");

        await Assert.ThrowsAsync<TimeoutException>(() => host.CatchUpLiveAsync());

        Assert.Null(await host.CounterAsync(id));
        var run = Assert.Single(await host.CatchUpLiveAsync());
        Assert.Equal(ProcessorRunOutcome.CaughtUp, run.Outcome);
        Assert.Equal(4, (await host.CounterAsync(id))!.Total);
    }

    [ReadModel("unlucky")]
    private sealed class Unlucky : IAmReadModelFor<Thing, ThingId, ThingCounted>
    {
        public static bool Forgiving { get; set; }

        public int Total { get; set; }

        public void Apply(IReadModelContext context, IDomainEvent<Thing, ThingId, ThingCounted> domainEvent)
        {
            if (domainEvent.AggregateEvent.By == 13 && !Forgiving)
            {
                throw new InvalidOperationException("13 is unlucky");
            }

            Total += domainEvent.AggregateEvent.By;
        }
    }

    [ReadModel("parking_unlucky", ErrorPolicy = ProcessorErrorPolicy.Park)]
    private sealed class ParkingUnlucky : IAmReadModelFor<Thing, ThingId, ThingCounted>
    {
        public int Total { get; set; }

        public void Apply(IReadModelContext context, IDomainEvent<Thing, ThingId, ThingCounted> domainEvent)
        {
            if (domainEvent.AggregateEvent.By == 13)
            {
                throw new InvalidOperationException("13 is unlucky");
            }

            Total += domainEvent.AggregateEvent.By;
        }
    }
}

using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.ReadModels;

public sealed class ReadModelProcessingTests
{
    private static CancellationToken Ct => KernelHost.Ct;

    [Fact]
    public async Task A_live_generation_is_created_and_caught_up_from_the_first_event()
    {
        using var host = ReadModelHost.Create();
        var id = ThingId.New;
        await host.Kernel.CreateAsync(id, "lamp");
        await host.Kernel.CountAsync(id, 5);
        await host.Kernel.CountAsync(id, 2);

        var results = await host.CatchUpLiveAsync();

        var run = Assert.Single(results);
        Assert.Equal(ProcessorRunOutcome.CaughtUp, run.Outcome);
        Assert.Equal(3, run.EventsProcessed);
        var counter = await host.CounterAsync(id);
        Assert.NotNull(counter);
        Assert.Equal(("lamp", 7, 3), (counter.Name, counter.Total, counter.Events));
        var live = await host.LiveAsync("thing_counters");
        Assert.Equal(1, live.Generation);
        Assert.Equal(3, (await host.Processors.GetAsync(live.ProcessorName, Ct))!.Position);
    }

    [Fact]
    public async Task Catching_up_again_applies_only_new_events_never_one_twice()
    {
        using var host = ReadModelHost.Create();
        var id = ThingId.New;
        await host.Kernel.CreateAsync(id);
        await host.Kernel.CountAsync(id, 1);
        await host.CatchUpLiveAsync();
        await host.Kernel.CountAsync(id, 10);

        var again = Assert.Single(await host.CatchUpLiveAsync());

        Assert.Equal(1, again.EventsProcessed);
        var counter = await host.CounterAsync(id);
        Assert.Equal((11, 3), (counter!.Total, counter.Events));
    }

    [Fact]
    public async Task Events_are_applied_a_batch_at_a_time_with_one_load_and_one_commit_per_batch()
    {
        var store = new CountingStore(TimeProvider.System);
        using var host = ReadModelHost.Create(batchSize: 4, before: s => s.AddReadModelStore(store));
        var id = ThingId.New;
        await host.Kernel.CreateAsync(id);
        await host.Kernel.CountAsync(id, 1, times: 9);

        await host.CatchUpLiveAsync();

        Assert.Equal(10, (await host.CounterAsync(id))!.Events);
        Assert.Equal(3, store.Loads);
        Assert.Equal(3, store.Commits);
    }

    [Fact]
    public async Task A_read_model_fed_by_many_aggregates_gets_its_rows_from_its_locator()
    {
        using var host = ReadModelHost.Create(batchSize: 3, configure: o => o.AddReadModel<CountsByStep>());
        var (a, b) = (ThingId.New, ThingId.New);
        await host.Kernel.CreateAsync(a);
        await host.Kernel.CreateAsync(b);
        await host.Kernel.CountAsync(a, 5, times: 2);
        await host.Kernel.CountAsync(b, 5);
        await host.Kernel.CountAsync(b, 2);

        await host.CatchUpLiveAsync();

        var rows = await host.Store.QueryAsync<CountsByStep, (int Step, int Things, int Sum)>(
            ReadModelView.Live, q => q.OrderBy(r => r.Step).Select(r => ValueTuple.Create(r.Step, r.Counts, r.Sum)), Ct);
        Assert.Equal([(2, 1, 2), (5, 3, 15)], rows);
    }

    [Fact]
    public async Task A_row_marked_for_deletion_is_removed_and_a_later_event_starts_it_again()
    {
        using var host = ReadModelHost.Create(configure: o => o.AddReadModel<CountsByStep>());
        var id = ThingId.New;
        await host.Kernel.CreateAsync(id);
        await host.Kernel.CountAsync(id, 3);
        await host.Kernel.CountAsync(id, -3);
        await host.CatchUpLiveAsync();
        Assert.Null(await host.Store.GetAsync<CountsByStep>("step-3", ReadModelView.Live, Ct));

        await host.Kernel.CountAsync(id, 3);
        await host.CatchUpLiveAsync();

        var row = await host.Store.GetAsync<CountsByStep>("step-3", ReadModelView.Live, Ct);
        Assert.Equal((1, 3), (row!.Counts, row.Sum));
    }

    /// <summary>Rows keyed by the absolute step counted; a negative count takes the row away (it is "undone").</summary>
    [ReadModel("counts_by_step")]
    [ReadModelLocator(typeof(StepLocator))]
    private sealed class CountsByStep : IAmReadModelFor<Thing, ThingId, ThingCounted>
    {
        public int Step { get; set; }

        public int Counts { get; set; }

        public int Sum { get; set; }

        public void Apply(IReadModelContext context, Events.IDomainEvent<Thing, ThingId, ThingCounted> domainEvent)
        {
            if (domainEvent.AggregateEvent.By < 0)
            {
                context.MarkForDeletion();
                return;
            }

            Step = domainEvent.AggregateEvent.By;
            Counts++;
            Sum += domainEvent.AggregateEvent.By;
        }
    }

    private sealed class StepLocator : IReadModelLocator
    {
        public IEnumerable<string> GetReadModelIds(Events.IDomainEvent domainEvent)
        {
            if (domainEvent.GetAggregateEvent() is ThingCounted counted)
            {
                yield return $"step-{Math.Abs(counted.By)}";
            }
        }
    }
}

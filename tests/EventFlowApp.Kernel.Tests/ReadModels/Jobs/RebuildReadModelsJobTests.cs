using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Jobs.InMemory;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.ReadModels.Jobs;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.ReadModels.Jobs;

/// <summary>The rebuild job starts one generation and one job per read model, all of them or those named, never a second rebuild of one.</summary>
public sealed class RebuildReadModelsJobTests
{
    private const string Counters = "thing_counters";
    private const string Names = "thing_names";

    private static CancellationToken Ct => KernelHost.Ct;

    [Fact]
    public async Task Without_names_every_read_model_gets_a_building_generation_and_its_own_job_and_all_go_live()
    {
        using var host = Create(before: s => s.AddGatedReadModelStore());
        var store = host.Kernel.Get<GatedStore>();
        var id = await SeedAsync(host);
        store.HoldFrom(2);

        var result = await host.RunJobAsync(new RebuildReadModelsJob(null));

        // The gate holds both runs before their first batch: what the job left is visible as it left it.
        foreach (var name in new[] { Counters, Names })
        {
            Assert.Equal(GenerationState.Building, (await host.Generations.GetAsync(name, 2, Ct))!.State);
            Assert.Equal(JobStatus.Running, host.Scheduler().GetJob(await host.GenerationJobIdAsync(name, 2, 0))!.Status);
        }

        Assert.Equal(
            [$"{Counters}: generation 2 queued as job {await host.GenerationJobIdAsync(Counters, 2, 0)}", $"{Names}: generation 2 queued as job {await host.GenerationJobIdAsync(Names, 2, 0)}"],
            Lines(result));
        Assert.Equal(2, host.GenerationJobs().Count);

        store.Open();
        await host.WhenIdleAsync();

        foreach (var name in new[] { Counters, Names })
        {
            Assert.Equal([GenerationState.Retired, GenerationState.Live], (await host.Generations.ListAsync(name, Ct)).Select(g => g.State));
        }

        Assert.All(host.GenerationJobs(), j => Assert.Equal(JobStatus.Succeeded, j.Status));
        Assert.Equal("renamed", (await host.Store.GetAsync<ThingNames>(id.Value, ReadModelView.Live, Ct))!.Name);
        Assert.Equal(3, (await host.CounterAsync(id))!.Total);
    }

    [Fact]
    public async Task Only_the_named_read_models_are_rebuilt()
    {
        using var host = Create();
        var id = await SeedAsync(host);

        var jobId = await host.Scheduler().EnqueueAsync(new RebuildReadModelsJob([Names]), null, Ct);
        await host.WhenIdleAsync();

        Assert.Equal($"{Names}: generation 2 queued as job {await host.GenerationJobIdAsync(Names, 2, 0)}", host.Scheduler().GetJob(jobId)!.Result);
        Assert.Equal([GenerationState.Retired, GenerationState.Live], (await host.Generations.ListAsync(Names, Ct)).Select(g => g.State));
        Assert.Equal([GenerationState.Live], (await host.Generations.ListAsync(Counters, Ct)).Select(g => g.State));
        Assert.Equal("renamed", (await host.Store.GetAsync<ThingNames>(id.Value, ReadModelView.Live, Ct))!.Name);
    }

    [Fact]
    public async Task An_empty_list_of_names_queued_through_the_scheduler_means_every_read_model()
    {
        using var host = Create();
        await SeedAsync(host);

        var jobId = await host.Scheduler().EnqueueAsync(new RebuildReadModelsJob([]), null, Ct);
        await host.WhenIdleAsync();

        Assert.Equal(2, Lines(host.Scheduler().GetJob(jobId)!.Result).Count);
        Assert.Equal(2, (await host.LiveAsync(Counters)).Generation);
        Assert.Equal(2, (await host.LiveAsync(Names)).Generation);
    }

    [Fact]
    public async Task A_read_model_already_being_rebuilt_is_reported_and_not_started_twice()
    {
        using var host = Create();
        await SeedAsync(host);
        var running = await host.Populator.StartRebuildAsync(Counters, Ct);

        var result = await host.RunJobAsync(new RebuildReadModelsJob(null));
        await host.WhenIdleAsync();

        Assert.Equal(
            [
                $"{Counters}: Read model '{Counters}' is already being rebuilt (generation {running.Generation}); wait for it or cancel it first.",
                $"{Names}: generation 2 queued as job {await host.GenerationJobIdAsync(Names, 2, 0)}",
            ],
            Lines(result));
        Assert.Equal([GenerationState.Live, GenerationState.Building], (await host.Generations.ListAsync(Counters, Ct)).Select(g => g.State));
        Assert.Equal([await host.GenerationJobIdAsync(Names, 2, 0)], host.GenerationJobs().Select(j => j.JobId));
        Assert.Equal(2, (await host.LiveAsync(Names)).Generation);
    }

    private static ReadModelHost Create(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? before = null) =>
        ReadModelHost.Create(batchSize: 2, configure: o => o.AddReadModel<ThingNames>(), before: before);

    /// <summary>A thing counted and renamed, with both read models live and caught up.</summary>
    private static async Task<ThingId> SeedAsync(ReadModelHost host)
    {
        var id = await RebuildTests.SeedAsync(host, counts: 3);
        await host.Kernel.Bus.PublishAsync(new RenameThing(id, "renamed"), Ct);
        await host.CatchUpLiveAsync();
        return id;
    }

    private static List<string> Lines(string? result) =>
        [.. (result ?? "").Split(Environment.NewLine).Order(StringComparer.Ordinal)];

    [ReadModel(Names)]
    private sealed class ThingNames : IAmReadModelFor<Thing, ThingId, ThingCreated>, IAmReadModelFor<Thing, ThingId, ThingRenamed>
    {
        public string Name { get; set; } = "";

        public void Apply(IReadModelContext context, IDomainEvent<Thing, ThingId, ThingCreated> domainEvent) => Name = domainEvent.AggregateEvent.Name;

        public void Apply(IReadModelContext context, IDomainEvent<Thing, ThingId, ThingRenamed> domainEvent) => Name = domainEvent.AggregateEvent.NewName;
    }
}

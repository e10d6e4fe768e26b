using EventFlowApp.Kernel.Jobs.InMemory;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.ReadModels.Jobs;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.ReadModels.Jobs;

/// <summary>The cleanup job drops retired, failed and cancelled generations once they ended long enough ago; live, building and named ones stay.</summary>
public sealed class DropEndedGenerationsJobTests
{
    private const string Counters = "thing_counters";

    private static CancellationToken Ct => KernelHost.Ct;

    [Fact]
    public async Task Generations_that_ended_before_the_cutoff_are_dropped_with_rows_and_processor_and_listed()
    {
        using var host = ReadModelHost.Create();
        var id = await RebuildTests.SeedAsync(host, counts: 2);
        await host.CatchUpLiveAsync();
        var clock = host.Kernel.Clock;

        await host.Populator.RebuildAsync(Counters, null, Ct); // generation 1 retired now
        clock.Advance(TimeSpan.FromMinutes(10));
        var failed = await host.Populator.StartRebuildAsync(Counters, Ct);
        await host.Generations.EndAsync(Counters, failed.Generation, GenerationState.Failed, "the disk filled up", Ct);
        var named = await host.Populator.StartPointInTimeAsync(Counters, "after-2", upToPosition: 2, upToTime: null, Ct);
        await host.Populator.RunAsync(Counters, named.Generation, null, Ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        var cancelled = await host.Populator.StartRebuildAsync(Counters, Ct);
        await host.Populator.CancelAsync(Counters, cancelled.Generation, Ct);
        clock.Advance(TimeSpan.FromMinutes(6));

        var jobId = await host.Scheduler().EnqueueAsync(new DropEndedGenerationsJob(TimeSpan.FromMinutes(15)), null, Ct);
        await host.WhenIdleAsync();

        var job = host.Scheduler().GetJob(jobId)!;
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal("Dropped thing_counters generation 1 (Retired), thing_counters generation 3 (Failed)", job.Result);
        Assert.Equal(
            [(2, GenerationState.Live), (4, GenerationState.Complete), (5, GenerationState.Cancelled)],
            (await host.Generations.ListAsync(Counters, Ct)).Select(g => (g.Generation, g.State)));
        Assert.Null(await host.Processors.GetAsync(ReadModelGeneration.ProcessorNameFor(Counters, 1), Ct));
        Assert.Null(await host.Processors.GetAsync(failed.ProcessorName, Ct));
        await Assert.ThrowsAsync<ReadModelGenerationNotFoundException>(() => host.CounterAsync(id, ReadModelView.Number(1)));
        Assert.Equal(2, (await host.CounterAsync(id))!.Total);
        Assert.Equal(1, (await host.CounterAsync(id, ReadModelView.Named("after-2")))!.Total);

        Assert.Equal("No generation ended more than 00:15:00 ago.", await host.RunJobAsync(new DropEndedGenerationsJob(TimeSpan.FromMinutes(15))));
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal("Dropped thing_counters generation 5 (Cancelled)", await host.RunJobAsync(new DropEndedGenerationsJob(TimeSpan.FromMinutes(15))));
    }

    [Fact]
    public async Task Live_and_building_generations_are_never_dropped_however_old()
    {
        using var host = ReadModelHost.Create();
        await RebuildTests.SeedAsync(host, counts: 1);
        await host.CatchUpLiveAsync();
        await host.Populator.StartRebuildAsync(Counters, Ct);
        await host.Populator.StartPointInTimeAsync(Counters, "p1", upToPosition: 1, upToTime: null, Ct);
        host.Kernel.Clock.Advance(TimeSpan.FromDays(30));

        var result = await host.RunJobAsync(new DropEndedGenerationsJob(TimeSpan.Zero));

        Assert.Equal("No generation ended more than 00:00:00 ago.", result);
        Assert.Equal(
            [GenerationState.Live, GenerationState.Building, GenerationState.Building],
            (await host.Generations.ListAsync(Counters, Ct)).Select(g => g.State));
    }
}

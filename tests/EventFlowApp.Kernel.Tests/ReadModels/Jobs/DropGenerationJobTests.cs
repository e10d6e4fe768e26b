using EventFlowApp.Kernel.Jobs;
using EventFlowApp.Kernel.Jobs.InMemory;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.ReadModels.Jobs;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.ReadModels.Jobs;

/// <summary>Dropping one generation as a job, and a generation number that comes back after a drop.</summary>
public sealed class DropGenerationJobTests
{
    private const string Counters = "thing_counters";

    private static CancellationToken Ct => KernelHost.Ct;

    [Fact]
    public async Task An_ended_generation_is_dropped_and_a_second_run_finds_nothing_to_do()
    {
        using var host = ReadModelHost.Create();
        await RebuildTests.SeedAsync(host, counts: 2);
        await host.CatchUpLiveAsync();
        await host.Starter().StartRebuildAsync(Counters, Ct);
        await host.WhenIdleAsync();

        Assert.Equal("Dropped generation 1 of 'thing_counters' (Retired).", await host.RunJobAsync(new DropGenerationJob(Counters, 1)));
        Assert.Equal("Generation 1 of 'thing_counters' was already dropped.", await host.RunJobAsync(new DropGenerationJob(Counters, 1)));
        Assert.Equal([2], (await host.Generations.ListAsync(Counters, Ct)).Select(g => g.Generation));
    }

    [Theory]
    [InlineData(GenerationState.Live)]
    [InlineData(GenerationState.Building)]
    public async Task A_live_or_building_generation_cannot_be_dropped(GenerationState state)
    {
        using var host = ReadModelHost.Create();
        await RebuildTests.SeedAsync(host, counts: 1);
        await host.CatchUpLiveAsync();
        var generation = state == GenerationState.Live ? 1 : (await host.Populator.StartRebuildAsync(Counters, Ct)).Generation;

        var error = await Assert.ThrowsAsync<JobCannotSucceedException>(() => host.RunJobAsync(new DropGenerationJob(Counters, generation)));

        Assert.Contains(state == GenerationState.Live ? "is live" : "is being built; cancel its job", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ReadModelStateException>(() => host.Generations.DropAsync(Counters, generation, Ct));
        Assert.Equal(state, (await host.Generations.GetAsync(Counters, generation, Ct))!.State);
    }

    [Fact]
    public async Task A_rebuild_that_gets_the_number_of_a_dropped_generation_still_runs()
    {
        using var host = ReadModelHost.Create();
        await RebuildTests.SeedAsync(host, counts: 2);
        await host.CatchUpLiveAsync();
        var cancelled = await host.Populator.StartRebuildAsync(Counters, Ct);
        var first = await host.Scheduler().ScheduleAsync(new RunGenerationJob(Counters, cancelled.Generation), TimeSpan.FromHours(1), RunGenerationJob.JobIdFor(cancelled, 0), Ct);
        await host.Scheduler().CancelAsync(first, Ct);
        await host.RunJobAsync(new DropGenerationJob(Counters, cancelled.Generation));
        host.Kernel.Clock.Advance(TimeSpan.FromSeconds(1));

        var again = await host.Starter().StartRebuildAsync(Counters, Ct);
        await host.WhenIdleAsync();

        Assert.Equal(cancelled.Generation, again.Generation.Generation);
        Assert.NotEqual(first, again.JobId);
        Assert.Equal(JobStatus.Succeeded, host.Scheduler().GetJob(again.JobId)!.Status);
        Assert.Equal(GenerationState.Live, (await host.Generations.GetAsync(Counters, again.Generation.Generation, Ct))!.State);
    }
}

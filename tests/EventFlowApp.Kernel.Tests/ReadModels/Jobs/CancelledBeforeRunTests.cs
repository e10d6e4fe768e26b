using EventFlowApp.Kernel.Jobs;
using EventFlowApp.Kernel.Jobs.InMemory;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.ReadModels.Jobs;
using EventFlowApp.Kernel.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Tests.ReadModels.Jobs;

/// <summary>
/// A job cancelled while it waits never runs, so its handler is told separately: a rebuild cancelled
/// before its job started ends its generation instead of leaving it Building for ever.
/// </summary>
public sealed class CancelledBeforeRunTests
{
    private const string Counters = "thing_counters";

    private static CancellationToken Ct => KernelHost.Ct;

    [Fact]
    public async Task A_generation_job_cancelled_before_it_ran_ends_the_generation_cancelled()
    {
        using var host = ReadModelHost.Create();
        var id = await RebuildTests.SeedAsync(host, counts: 3);
        await host.CatchUpLiveAsync();
        var building = await host.Kernel.Get<IReadModelPopulator>().StartRebuildAsync(Counters, Ct);
        var jobId = await host.Scheduler().ScheduleAsync(new RunGenerationJob(Counters, building.Generation), TimeSpan.FromHours(1), "later", Ct);

        Assert.True(await host.Scheduler().CancelAsync(jobId, Ct));

        Assert.Equal(JobStatus.Cancelled, host.Scheduler().GetJob(jobId)!.Status);
        var cancelled = (await host.Generations.GetAsync(Counters, building.Generation, Ct))!;
        Assert.Equal(GenerationState.Cancelled, cancelled.State);
        Assert.Equal(1, (await host.LiveAsync(Counters)).Generation);
        Assert.Equal(3, (await host.CounterAsync(id))!.Total);

        // The read model may be rebuilt again at once.
        var next = await host.Starter().StartRebuildAsync(Counters, Ct);
        await host.WhenIdleAsync();
        Assert.Equal(GenerationState.Live, (await host.Generations.GetAsync(Counters, next.Generation.Generation, Ct))!.State);
    }

    [Fact]
    public async Task Cancelling_a_waiting_job_whose_undo_fails_leaves_it_waiting_and_says_why()
    {
        var undo = new UndoLog { Fail = true };
        using var host = KernelHost.Create(o => o.AddJobHandler<UndoableHandler>(), s => s.AddSingleton(undo));
        var scheduler = host.Get<InMemoryJobScheduler>();
        var jobId = await scheduler.ScheduleAsync(new Undoable("x"), TimeSpan.FromHours(1), "undoable", Ct);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => scheduler.CancelAsync(jobId, Ct));
        Assert.Equal("cannot undo x", error.Message);
        Assert.Equal(JobStatus.Scheduled, scheduler.GetJob(jobId)!.Status);

        undo.Fail = false;
        Assert.True(await scheduler.CancelAsync(jobId, Ct));
        Assert.Equal(JobStatus.Cancelled, scheduler.GetJob(jobId)!.Status);
        Assert.Equal(["x"], undo.Undone);
    }

    [Fact]
    public async Task Rebuilding_a_list_with_an_unknown_read_model_starts_nothing()
    {
        using var host = ReadModelHost.Create();
        await RebuildTests.SeedAsync(host, counts: 1);
        await host.CatchUpLiveAsync();

        var error = await Assert.ThrowsAsync<JobCannotSucceedException>(() => host.RunJobAsync(new RebuildReadModelsJob([Counters, "no_such_model"])));

        Assert.Contains("'no_such_model'", error.Message, StringComparison.Ordinal);
        Assert.Equal([GenerationState.Live], (await host.Generations.ListAsync(Counters, Ct)).Select(g => g.State));
    }
}

public sealed class UndoLog
{
    public bool Fail { get; set; }

    public List<string> Undone { get; } = [];
}

[JobName("test-undoable", 1)]
public sealed record Undoable(string Name);

public sealed class UndoableHandler(UndoLog log) : IJobHandler<Undoable>, IJobCancelledHandler<Undoable>
{
    public Task ExecuteAsync(Undoable job, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CancelledAsync(Undoable job, CancellationToken cancellationToken)
    {
        if (log.Fail)
        {
            throw new InvalidOperationException("cannot undo " + job.Name);
        }

        log.Undone.Add(job.Name);
        return Task.CompletedTask;
    }
}

using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Jobs;
using EventFlowApp.Kernel.Jobs.InMemory;
using EventFlowApp.Kernel.Jobs.ScheduledCommands;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.Jobs;

public sealed class ScheduledCommandTests : IDisposable
{
    private readonly KernelHost _host = KernelHost.Create();
    private readonly ThingId _id = ThingId.New;

    private InMemoryJobScheduler Jobs => _host.Get<InMemoryJobScheduler>();

    private static CancellationToken Ct => KernelHost.Ct;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_command_scheduled_for_a_time_is_published_then_and_not_before()
    {
        await _host.CreateAsync(_id);
        await _host.Get<CommandScheduler>().ScheduleAsync(new CountThing(_id, 5), KernelHost.Start.AddDays(1), Ct);

        _host.Clock.Advance(TimeSpan.FromHours(23));
        await Jobs.WhenIdleAsync(Ct);
        Assert.Equal(0, (await _host.LoadAsync(_id)).State.Total);

        _host.Clock.Advance(TimeSpan.FromHours(1));
        await Jobs.WhenIdleAsync(Ct);
        Assert.Equal(5, (await _host.LoadAsync(_id)).State.Total);
    }

    [Fact]
    public async Task A_command_after_a_delay_keeps_its_source_id_and_metadata()
    {
        await _host.CreateAsync(_id);
        var command = new CountThing(_id, 2) { SourceId = "reminder-42", UserId = "alice" };

        await _host.Get<CommandScheduler>().ScheduleAsync(command, TimeSpan.FromMinutes(30), Ct);
        _host.Clock.Advance(TimeSpan.FromMinutes(30));
        await Jobs.WhenIdleAsync(Ct);

        var counted = (await _host.StreamAsync(_id))[^1];
        Assert.Contains("\"source_id\":\"reminder-42\"", counted.Event.Metadata, StringComparison.Ordinal);
        Assert.Contains("\"user_id\":\"alice\"", counted.Event.Metadata, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_command_job_that_runs_twice_has_one_effect()
    {
        await _host.CreateAsync(_id);
        var executor = _host.Get<JobExecutor>();
        var job = new ScheduledCommandJob(_host.Get<CommandDefinitionService>().Store(new CountThing(_id, 3)));
        var request = executor.Describe(job, "job-1");

        await executor.ExecuteAsync(request, new DetachedJobRun(request.JobId), Ct);
        await executor.ExecuteAsync(request, new DetachedJobRun(request.JobId), Ct);

        Assert.Equal(3, (await _host.LoadAsync(_id)).State.Total);
    }

    [Fact]
    public async Task A_refused_scheduled_command_fails_its_job()
    {
        await _host.CreateAsync(_id);
        var id = await _host.Get<CommandScheduler>().ScheduleAsync(new CountThing(_id, -1), TimeSpan.Zero, Ct);
        await Jobs.WhenIdleAsync(Ct);

        var job = Jobs.GetJob(id)!;
        Assert.Contains("cannot go below zero", job.LastError!.Message, StringComparison.Ordinal);
        Assert.NotEqual(JobStatus.Succeeded, job.Status);
    }

    [Fact]
    public async Task A_command_without_a_stable_name_cannot_be_scheduled()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _host.Get<CommandScheduler>().ScheduleAsync(new CreateThing(_id, "x"), TimeSpan.Zero, Ct));

        Assert.Contains("CommandName", error.Message, StringComparison.Ordinal);
    }
}

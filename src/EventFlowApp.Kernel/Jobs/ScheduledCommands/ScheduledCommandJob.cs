using EventFlowApp.Kernel.Commands;

namespace EventFlowApp.Kernel.Jobs.ScheduledCommands;

/// <summary>A command to publish later, kept by its stable name (<see cref="CommandNameAttribute"/>).</summary>
[JobName("scheduled-command", 1)]
public sealed record ScheduledCommandJob(StoredCommand Command);

/// <summary>
/// Publishes the command. It keeps its source id, so a job that runs twice (a retry after a crash)
/// has one effect; a command the domain refuses fails the job, so the refusal is seen and not lost.
/// </summary>
public sealed class ScheduledCommandJobHandler(CommandDefinitionService commands, ICommandBus bus) : IJobHandler<ScheduledCommandJob>
{
    public async Task ExecuteAsync(ScheduledCommandJob job, CancellationToken cancellationToken)
    {
        var command = commands.Load(job.Command);
        var result = await bus.PublishAsync(command, cancellationToken);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Scheduled command {job.Command} ({command.SourceId}) was refused: {string.Join("; ", result.Errors)}");
        }
    }
}

using EventFlowApp.Kernel.Commands;

namespace EventFlowApp.Kernel.Jobs.ScheduledCommands;

/// <summary>
/// Publishes a command at a time or after a delay through <see cref="IJobScheduler"/>. The job id is
/// derived from the command's source id, so scheduling the same command twice queues it once.
/// </summary>
public sealed class CommandScheduler(IJobScheduler scheduler, CommandDefinitionService commands)
{
    public Task<string> ScheduleAsync(ICommand command, DateTimeOffset runAt, CancellationToken cancellationToken) =>
        scheduler.ScheduleAsync(new ScheduledCommandJob(commands.Store(command)), runAt, JobId(command), cancellationToken);

    public Task<string> ScheduleAsync(ICommand command, TimeSpan delay, CancellationToken cancellationToken) =>
        scheduler.ScheduleAsync(new ScheduledCommandJob(commands.Store(command)), delay, JobId(command), cancellationToken);

    public Task<bool> CancelAsync(ICommand command, CancellationToken cancellationToken) =>
        scheduler.CancelAsync(JobId(command), cancellationToken);

    public static string JobId(ICommand command) => "scheduled-command:" + command.SourceId;
}

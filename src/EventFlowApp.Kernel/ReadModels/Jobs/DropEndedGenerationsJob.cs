using EventFlowApp.Kernel.Jobs;

namespace EventFlowApp.Kernel.ReadModels.Jobs;

/// <summary>Drops generations that ended (retired, failed, cancelled) more than <see cref="OlderThan"/> ago, rows and processor.</summary>
[JobName("read-model-generations-cleanup", 1)]
[LongRunningJob]
public sealed record DropEndedGenerationsJob(TimeSpan OlderThan);

public sealed class DropEndedGenerationsJobHandler(IReadModelPopulator populator, JobContext context) : IJobHandler<DropEndedGenerationsJob>
{
    public async Task ExecuteAsync(DropEndedGenerationsJob job, CancellationToken cancellationToken)
    {
        var dropped = await populator.DropEndedAsync(job.OlderThan, cancellationToken);
        context.Result = dropped.Count == 0
            ? $"No generation ended more than {job.OlderThan} ago."
            : "Dropped " + string.Join(", ", dropped.Select(g => $"{g.ReadModel} generation {g.Generation} ({g.State})"));
    }
}

using EventFlowApp.Kernel.Jobs;

namespace EventFlowApp.Kernel.ReadModels.Jobs;

/// <summary>A generation that was created and the job queued to fill it.</summary>
public sealed record StartedGeneration(ReadModelGeneration Generation, string JobId);

/// <summary>
/// Starts rebuilds as background jobs: creates the generation (so the caller learns its number at once
/// and a refused start is an immediate error) and queues the job that fills it. The API and the
/// rebuild-all job both start rebuilds here.
/// </summary>
public sealed class ReadModelJobs(IReadModelPopulator populator, IJobScheduler scheduler)
{
    public async Task<StartedGeneration> StartRebuildAsync(string readModel, CancellationToken cancellationToken) =>
        await QueueAsync(await populator.StartRebuildAsync(readModel, cancellationToken), cancellationToken);

    public async Task<StartedGeneration> StartPointInTimeAsync(
        string readModel, string name, long? upToPosition, DateTimeOffset? upToTime, CancellationToken cancellationToken) =>
        await QueueAsync(await populator.StartPointInTimeAsync(readModel, name, upToPosition, upToTime, cancellationToken), cancellationToken);

    /// <summary>Queues the job for a generation that is Building from <paramref name="fromPosition"/>; a second call for the same start queues nothing.</summary>
    public async Task<StartedGeneration> QueueAsync(ReadModelGeneration generation, CancellationToken cancellationToken, long fromPosition = 0)
    {
        ArgumentNullException.ThrowIfNull(generation);
        var jobId = await scheduler.EnqueueAsync(
            new RunGenerationJob(generation.ReadModel, generation.Generation),
            RunGenerationJob.JobIdFor(generation, fromPosition),
            CancellationToken.None); // the generation exists now; leaving it without its job would only wait for the resume job
        return new StartedGeneration(generation, jobId);
    }
}

using EventFlowApp.Kernel.Jobs;

namespace EventFlowApp.Kernel.ReadModels.Jobs;

/// <summary>Drops one ended generation (retired, failed, cancelled or a finished point in time): its rows, its record and its processor.</summary>
[JobName("read-model-generation-drop", 1)]
[LongRunningJob]
public sealed record DropGenerationJob(string ReadModel, int Generation)
{
    public static string JobIdFor(ReadModelGeneration generation) => "read-model-generation-drop:" + RunGenerationJob.GenerationKey(generation);
}

/// <summary>
/// A large generation takes a while to delete, so it is a job rather than part of a request. Dropped
/// already (a second run): nothing to do. Live or building: refused for good, as the store refuses it.
/// </summary>
public sealed class DropGenerationJobHandler(IReadModelGenerationStore generations, JobContext context) : IJobHandler<DropGenerationJob>
{
    public async Task ExecuteAsync(DropGenerationJob job, CancellationToken cancellationToken)
    {
        if (await generations.GetAsync(job.ReadModel, job.Generation, cancellationToken) is not { } target)
        {
            context.Result = $"Generation {job.Generation} of '{job.ReadModel}' was already dropped.";
            return;
        }

        try
        {
            GenerationRules.CheckDrop(target);
        }
        catch (ReadModelStateException e)
        {
            throw new JobCannotSucceedException(e.Message, e);
        }

        await generations.DropAsync(job.ReadModel, job.Generation, cancellationToken);
        context.Result = $"Dropped generation {job.Generation} of '{job.ReadModel}' ({target.State}{(target.Name is null ? "" : $", '{target.Name}'")}).";
    }
}

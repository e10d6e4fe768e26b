using System.Diagnostics;
using EventFlowApp.Kernel.Jobs;
using EventFlowApp.Kernel.Processors;

namespace EventFlowApp.Kernel.ReadModels.Jobs;

/// <summary>Fills a Building generation (a complete rebuild or a point in time) from its checkpoint to its end.</summary>
[JobName("read-model-generation", 1)]
[LongRunningJob]
public sealed record RunGenerationJob(string ReadModel, int Generation)
{
    /// <summary>
    /// One job per generation and starting position: a retry of the same start is deduplicated, and a
    /// run resumed after its node died (from a later checkpoint) is a new job. The generation's creation
    /// time is part of it because a number comes back once its generation is dropped (the next is the
    /// highest left plus one), and a new generation must not be taken for the old one's finished job.
    /// </summary>
    public static string JobIdFor(ReadModelGeneration generation, long fromPosition)
    {
        ArgumentNullException.ThrowIfNull(generation);
        return $"read-model-generation:{GenerationKey(generation)}@{fromPosition}";
    }

    /// <summary>"name:number:created" — one generation, never another one that later got its number.</summary>
    public static string GenerationKey(ReadModelGeneration generation)
    {
        ArgumentNullException.ThrowIfNull(generation);
        return $"{generation.ReadModel}:{generation.Generation}:{generation.CreatedAt.ToUnixTimeMilliseconds()}";
    }
}

/// <summary>
/// Runs the generation with progress on the job. An operator's cancel marks it Cancelled; a node
/// shutting down leaves it Building for the next attempt. Another node running it fails this attempt
/// (the scheduler retries it, and a later attempt finds the generation ended).
/// </summary>
public sealed class RunGenerationJobHandler(IReadModelPopulator populator, IReadModelGenerationStore generations, JobContext context)
    : IJobHandler<RunGenerationJob>, IJobCancelledHandler<RunGenerationJob>
{
    /// <summary>The job was cancelled before it ran (or between attempts): its generation will never be filled, so it ends Cancelled.</summary>
    public async Task CancelledAsync(RunGenerationJob job, CancellationToken cancellationToken)
    {
        if (await generations.GetAsync(job.ReadModel, job.Generation, cancellationToken) is { State: GenerationState.Building })
        {
            await populator.CancelAsync(job.ReadModel, job.Generation, cancellationToken);
        }
    }

    public async Task ExecuteAsync(RunGenerationJob job, CancellationToken cancellationToken)
    {
        var target = await generations.GetAsync(job.ReadModel, job.Generation, cancellationToken)
            ?? throw new JobCannotSucceedException($"Read model '{job.ReadModel}' has no generation {job.Generation} (dropped?).");
        if (target.State != GenerationState.Building)
        {
            context.Result = AlreadyEnded(target);
            return;
        }

        var clock = Stopwatch.StartNew();
        RebuildResult result;
        try
        {
            result = await populator.RunAsync(job.ReadModel, job.Generation, new JobProgressReporter(context.Run), cancellationToken, resumableOnCancel: true);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && context.Run.IsCancelledByOperator())
        {
            await populator.CancelAsync(job.ReadModel, job.Generation, CancellationToken.None);
            throw;
        }

        var run = result.Run;
        if (run.Outcome is ProcessorRunOutcome.HeldElsewhere or ProcessorRunOutcome.LeaseLost)
        {
            throw new InvalidOperationException(
                $"Generation {job.Generation} of '{job.ReadModel}' is being run by another node ({run.Outcome}); this attempt stops and is retried later.");
        }

        if (result.Generation.State == GenerationState.Failed)
        {
            throw new JobCannotSucceedException($"Generation {job.Generation} of '{job.ReadModel}' failed: {result.Generation.Error}");
        }

        context.Result = $"Generation {job.Generation} of '{job.ReadModel}' is {result.Generation.State}: "
            + $"{run.EventsProcessed:N0} events up to position {run.Position:N0} in {clock.Elapsed.TotalSeconds:N1} s.";
    }

    private static string AlreadyEnded(ReadModelGeneration generation) => generation.State == GenerationState.Failed
        ? throw new JobCannotSucceedException($"Generation {generation.Generation} of '{generation.ReadModel}' failed: {generation.Error}")
        : $"Generation {generation.Generation} of '{generation.ReadModel}' had already ended: {generation.State}{(generation.Error is null ? "" : $" ({generation.Error})")}.";

    /// <summary>Processor progress as job progress: the position done of the head.</summary>
    private sealed class JobProgressReporter(IJobRun run) : IProgress<ProcessorProgress>
    {
        public void Report(ProcessorProgress value) =>
            run.ReportProgress(new JobProgress(value.Position, value.Head, value.EventsPerSecond, value.EstimatedRemaining, "events"));
    }
}

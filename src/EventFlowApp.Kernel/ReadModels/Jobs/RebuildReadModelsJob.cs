using EventFlowApp.Kernel.Jobs;

namespace EventFlowApp.Kernel.ReadModels.Jobs;

/// <summary>Starts a blue/green rebuild of the named read models (every read model when none is named).</summary>
[JobName("read-model-rebuild", 1)]
public sealed record RebuildReadModelsJob(IReadOnlyList<string>? ReadModels);

/// <summary>
/// Creates a Building generation per read model and queues its <see cref="RunGenerationJob"/>, so each
/// read model's rebuild is its own job with its own progress and its own cancel. A read model already
/// being rebuilt is reported and left alone (two rebuilds of one read model never run at once).
/// </summary>
public sealed class RebuildReadModelsJobHandler(ReadModelRegistry registry, ReadModelJobs jobs, JobContext context)
    : IJobHandler<RebuildReadModelsJob>
{
    public async Task ExecuteAsync(RebuildReadModelsJob job, CancellationToken cancellationToken)
    {
        var known = registry.All.Select(d => d.Name).ToList();
        var names = job.ReadModels is { Count: > 0 } named ? named : known;
        if (names.Except(known, StringComparer.Ordinal).ToList() is { Count: > 0 } unknown)
        {
            // Checked before anything starts: a job that rebuilt half its list and then failed would be retried into refusals.
            throw new JobCannotSucceedException($"No read model is named {string.Join(", ", unknown.Select(n => $"'{n}'"))}; nothing was rebuilt.");
        }

        var lines = new List<string>();
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var started = await jobs.StartRebuildAsync(name, cancellationToken);
                lines.Add($"{name}: generation {started.Generation.Generation} queued as job {started.JobId}");
            }
            catch (ReadModelStateException e)
            {
                lines.Add($"{name}: {e.Message}");
            }
        }

        context.Result = string.Join(Environment.NewLine, lines);
    }
}

using EventFlowApp.Kernel.Jobs;
using EventFlowApp.Kernel.Processors;

namespace EventFlowApp.Kernel.ReadModels.Jobs;

/// <summary>Finds Building generations nobody is filling (their node died) and queues a job to resume each from its checkpoint.</summary>
[JobName("read-model-rebuild-resume", 1)]
public sealed record ResumeRebuildsJob;

/// <summary>
/// A generation is abandoned when no node holds its lease and it neither started nor moved for a lease
/// period (so a generation whose first job is about to start is left to that job); an expired lease
/// alone is enough otherwise, as its holder stopped renewing it. The resumed job's
/// id names the checkpoint it starts from: running this twice queues one job.
/// </summary>
public sealed class ResumeRebuildsJobHandler(
    IReadModelGenerationStore generations, IProcessorStore processors, ReadModelJobs jobs, TrackedProcessorOptions options, TimeProvider time, JobContext context)
    : IJobHandler<ResumeRebuildsJob>
{
    public async Task ExecuteAsync(ResumeRebuildsJob job, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lines = new List<string>();
        var building = (await generations.ListAsync(null, cancellationToken)).Where(g => g.State == GenerationState.Building).ToList();
        var states = building.Count == 0
            ? new Dictionary<string, ProcessorState>()
            : (await processors.ListAsync(cancellationToken)).ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var generation in building)
        {
            var state = states.GetValueOrDefault(generation.ProcessorName);
            var leased = state?.LeaseOwner is not null && state.LeaseExpiresAt > now;
            var lastActivity = new[] { generation.CreatedAt, state?.UpdatedAt ?? default }.Max();
            if (leased || now - lastActivity < options.LeaseDuration)
            {
                continue;
            }

            var position = state?.Position ?? 0;
            var started = await jobs.QueueAsync(generation, cancellationToken, position);
            // The job may exist already (this ran before, or a failed attempt waits in the failed list): its id says which.
            lines.Add($"{generation.ReadModel} generation {generation.Generation}: resumes from position {position:N0} in job {started.JobId}");
        }

        context.Result = lines.Count == 0 ? "No abandoned rebuild." : string.Join(Environment.NewLine, lines);
    }
}

/// <summary>
/// Registered by a scheduler that resumes interrupted rebuilds with <see cref="ResumeRebuildsJob"/>
/// (Hangfire): the processor host then leaves Building generations to those jobs.
/// </summary>
public sealed class RebuildsRunAsJobs;

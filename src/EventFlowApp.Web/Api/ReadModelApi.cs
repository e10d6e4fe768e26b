using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.Jobs;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.ReadModels.Jobs;

namespace EventFlowApp.Web.Api;

/// <summary>
/// Read models and their processors for operators: status, lag and errors; rebuilds and point-in-time
/// generations. A rebuild request creates the Building generation and queues the job that fills it
/// (on whichever node's Hangfire server takes it), answering 202 with the generation and the job id.
/// </summary>
public static class ReadModelApi
{
    public static void MapReadModelApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/processors", async (ProcessorMonitor monitor, TimeProvider time, CancellationToken ct) =>
            Results.Ok((await monitor.GetStatusAsync(ct)).Select(s => Describe(s, time.GetUtcNow()))));
        endpoints.MapGet("/api/processors/{name}/parked", async (string name, IProcessorStore store, CancellationToken ct) =>
            Results.Ok(await store.ListParkedAsync(name, ct)));
        endpoints.MapPost("/api/processors/{name}/resume", async (string name, IProcessorStore store, CancellationToken ct) =>
        {
            await store.ResumeAsync(name, ct);
            return Results.NoContent();
        });
        endpoints.MapGet("/api/read-models", async (ReadModelRegistry registry, IReadModelGenerationStore generations, CancellationToken ct) =>
        {
            var all = await generations.ListAsync(null, ct);
            return Results.Ok(registry.All.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => new
            {
                name = d.Name,
                consistentOnWrite = d.ConsistentOnWrite,
                errorPolicy = d.ErrorPolicy,
                generations = all.Where(g => g.ReadModel == d.Name),
            }));
        });
        endpoints.MapPost("/api/read-models/rebuilds", async (RebuildAllRequest? request, ReadModelRegistry registry, IJobScheduler jobs, CancellationToken ct) =>
        {
            // An unknown name is answered now (404), not found later in a failed job.
            foreach (var name in request?.ReadModels ?? [])
            {
                registry.Get(name);
            }

            var jobId = await jobs.EnqueueAsync(new RebuildReadModelsJob(request?.ReadModels), null, ct);
            return Results.Accepted($"/api/jobs/{jobId}", new { jobId });
        });
        endpoints.MapPost("/api/read-models/{name}/rebuilds", async (string name, ReadModelJobs jobs, CancellationToken ct) =>
            Started(await jobs.StartRebuildAsync(name, ct)));
        endpoints.MapPost("/api/read-models/{name}/point-in-time", async (string name, PointInTimeRequest request, ReadModelJobs jobs, CancellationToken ct) =>
            Started(await jobs.StartPointInTimeAsync(name, request.Name, request.UpToPosition, request.UpToTime, ct)));
        endpoints.MapGet("/api/read-models/{name}/generations/{generation:int}", async (string name, int generation, IReadModelGenerationStore generations, CancellationToken ct) =>
            await generations.GetAsync(name, generation, ct) is { } found ? Results.Ok(found) : throw GenerationRules.NotFound(name, generation));
        endpoints.MapDelete("/api/read-models/{name}/generations/{generation:int}", async (string name, int generation, IReadModelGenerationStore generations, IJobScheduler jobs, CancellationToken ct) =>
        {
            // Refused now (404, 409) when it cannot be dropped; the deleting itself, which may take a while, is a job.
            var target = await generations.GetAsync(name, generation, ct) ?? throw GenerationRules.NotFound(name, generation);
            GenerationRules.CheckDrop(target);
            var jobId = await jobs.EnqueueAsync(new DropGenerationJob(name, generation), DropGenerationJob.JobIdFor(target), ct);
            return Results.Accepted($"/api/read-models/{name}", new { readModel = name, generation, jobId });
        });
    }

    private static IResult Started(StartedGeneration started)
    {
        var generation = started.Generation;
        return Results.Accepted(
            $"/api/read-models/{generation.ReadModel}/generations/{generation.Generation}",
            new { generation.ReadModel, generation.Generation, generation.State, generation.Name, generation.UpToPosition, generation.UpToTime, generation.CreatedAt, started.JobId });
    }

    private static object Describe(ProcessorStatus status, DateTimeOffset now)
    {
        var processor = status.Processor;
        return new
        {
            name = processor.Name,
            position = processor.Position,
            head = status.Head,
            lag = status.Lag,
            state = processor.State,
            running = status.IsRunning(now),
            leaseOwner = processor.LeaseOwner,
            parkedCount = processor.ParkedCount,
            lastError = processor.LastError,
            updatedAt = processor.UpdatedAt,
        };
    }
}

/// <summary>Read models to rebuild; none (or no body) means every read model.</summary>
public sealed record RebuildAllRequest(IReadOnlyList<string>? ReadModels);

public sealed record PointInTimeRequest(string Name, long? UpToPosition, DateTimeOffset? UpToTime);

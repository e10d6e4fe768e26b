using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;

namespace EventFlowApp.Web.Api;

/// <summary>
/// Read models and their processors for operators: status, lag and errors; rebuilds and point-in-time
/// generations. A rebuild request only creates the Building generation and answers 202: the processor
/// host (on whichever node takes the lease) fills it and switches it live.
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
        endpoints.MapPost("/api/read-models/{name}/rebuilds", async (string name, IReadModelPopulator populator, CancellationToken ct) =>
        {
            var generation = await populator.StartRebuildAsync(name, ct);
            return Results.Accepted($"/api/read-models/{name}/generations/{generation.Generation}", generation);
        });
        endpoints.MapPost("/api/read-models/{name}/point-in-time", async (string name, PointInTimeRequest request, IReadModelPopulator populator, CancellationToken ct) =>
        {
            var generation = await populator.StartPointInTimeAsync(name, request.Name, request.UpToPosition, request.UpToTime, ct);
            return Results.Accepted($"/api/read-models/{name}/generations/{generation.Generation}", generation);
        });
        endpoints.MapGet("/api/read-models/{name}/generations/{generation:int}", async (string name, int generation, IReadModelGenerationStore generations, CancellationToken ct) =>
            await generations.GetAsync(name, generation, ct) is { } found ? Results.Ok(found) : throw GenerationRules.NotFound(name, generation));
        endpoints.MapDelete("/api/read-models/{name}/generations/{generation:int}", async (string name, int generation, IReadModelGenerationStore generations, CancellationToken ct) =>
        {
            await generations.DropAsync(name, generation, ct);
            return Results.NoContent();
        });
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

public sealed record PointInTimeRequest(string Name, long? UpToPosition, DateTimeOffset? UpToTime);

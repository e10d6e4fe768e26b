using EventFlowApp.Kernel.Jobs;

namespace EventFlowApp.Web.Api;

/// <summary>Cancelling a job by the id the API gave for it (a rebuild's job, say); its progress and history are in the dashboard.</summary>
public static class JobApi
{
    public static void MapJobApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapDelete("/api/jobs/{jobId}", async (string jobId, IJobScheduler jobs, CancellationToken ct) =>
            await jobs.CancelAsync(jobId, ct)
                ? Results.NoContent()
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such job waiting or running", detail: $"Job '{jobId}' is unknown or has already ended."));
}

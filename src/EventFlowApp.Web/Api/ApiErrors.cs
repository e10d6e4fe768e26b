using System.Text.Json;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.ReadModels;
using Microsoft.AspNetCore.Diagnostics;

namespace EventFlowApp.Web.Api;

/// <summary>
/// Turns the kernel's and the domain's exceptions into problem responses with a stable code: the edge
/// returns a clear result, the inside throws. Anything else is a 500 and is logged.
/// </summary>
public sealed class ApiErrors : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code) = exception switch
        {
            DomainError e => (StatusCodes.Status422UnprocessableEntity, e.Code),
            AggregateNotFoundException => (StatusCodes.Status404NotFound, "not_found"),
            AggregateAlreadyExistsException => (StatusCodes.Status409Conflict, "already_exists"),
            OptimisticConcurrencyException => (StatusCodes.Status409Conflict, "concurrency_conflict"),
            SourceIdReusedException => (StatusCodes.Status409Conflict, "idempotency_key_reused"),
            ReadModelGenerationNotFoundException or KeyNotFoundException => (StatusCodes.Status404NotFound, "not_found"),
            ReadModelStateException => (StatusCodes.Status409Conflict, "read_model_state"),
            BadHttpRequestException or JsonException or ArgumentException or FormatException => (StatusCodes.Status400BadRequest, "bad_request"),
            _ => (0, ""),
        };
        if (status == 0)
        {
            return false;
        }

        await Results.Problem(exception.Message, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code })
            .ExecuteAsync(httpContext);
        return true;
    }
}

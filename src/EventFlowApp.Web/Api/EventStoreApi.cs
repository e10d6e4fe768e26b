using EventFlowApp.Kernel.EntityFramework.Configuration;
using System.Text.Json;
using EventFlowApp.Kernel.EventStores;

namespace EventFlowApp.Web.Api;

/// <summary>Read-only JSON over the event store: where it stands, and the events in global order.</summary>
public static class EventStoreApi
{
    public const int MaxPageSize = 1000;

    public static void MapEventStoreApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => Results.Redirect("/api/status"));
        endpoints.MapGet("/api/status", GetStatusAsync);
        endpoints.MapGet("/api/events", GetEventsAsync);
    }

    private static async Task<IResult> GetStatusAsync(IEventPersistence events, DatabaseOptions database, CancellationToken cancellationToken) =>
        Results.Ok(new { provider = database.Provider.ToString(), headPosition = await events.GetHeadPositionAsync(cancellationToken) });

    private static async Task<IResult> GetEventsAsync(IEventPersistence events, CancellationToken cancellationToken, long after = 0, int take = 100)
    {
        if (after < 0 || take is < 1 or > MaxPageSize)
        {
            return Results.Problem(
                $"'after' must be 0 or more and 'take' between 1 and {MaxPageSize}.", statusCode: StatusCodes.Status400BadRequest);
        }

        var page = await events.LoadAllAsync(after, take, cancellationToken);
        return Results.Ok(new
        {
            nextPosition = page.NextPosition,
            events = page.Events.Select(e => new
            {
                position = e.GlobalSequenceNumber,
                eventId = e.Event.EventId,
                aggregateName = e.Event.AggregateName,
                aggregateId = e.Event.AggregateId,
                sequenceNumber = e.Event.AggregateSequenceNumber,
                name = e.Event.EventName,
                version = e.Event.EventVersion,
                timestamp = e.Event.TimestampUtc,
                data = JsonSerializer.Deserialize<JsonElement>(e.Event.Data),
                metadata = JsonSerializer.Deserialize<JsonElement>(e.Event.Metadata),
            }),
        });
    }
}

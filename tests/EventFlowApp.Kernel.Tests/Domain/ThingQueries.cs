using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Queries;

namespace EventFlowApp.Kernel.Tests.Domain;

public sealed record GetThingTotal(ThingId Id) : IQuery<int>;

public sealed class GetThingTotalHandler(IAggregateStore aggregates) : IQueryHandler<GetThingTotal, int>
{
    public async Task<int> ExecuteQueryAsync(GetThingTotal query, CancellationToken cancellationToken) =>
        (await aggregates.LoadAsync<Thing, ThingId>(query.Id, cancellationToken)).State.Total;
}

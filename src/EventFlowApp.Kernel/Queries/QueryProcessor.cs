using System.Reflection;
using EventFlowApp.Kernel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Queries;

public sealed class QueryProcessor : IQueryProcessor
{
    private readonly IServiceProvider _services;

    public QueryProcessor(IServiceProvider services) => _services = services;

    public Task<TResult> ProcessAsync<TResult>(IQuery<TResult> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var handlerType = typeof(IQueryHandler<,>).MakeGenericType(query.GetType(), typeof(TResult));
        var handlers = _services.GetServices(handlerType).ToList();
        var handler = handlers.Count switch
        {
            1 => handlers[0]!,
            0 => throw new InvalidOperationException($"No handler is registered for query {query.GetType().Name}."),
            _ => throw new InvalidOperationException($"{handlers.Count} handlers are registered for query {query.GetType().Name}; a query has exactly one."),
        };
        return (Task<TResult>)handlerType.GetMethod("ExecuteQueryAsync")!.InvokeDirect(handler, query, cancellationToken)!;
    }
}

namespace EventFlowApp.Kernel.Queries;

/// <summary>A question to the read side, answered by exactly one <see cref="IQueryHandler{TQuery,TResult}"/>.</summary>
public interface IQuery<TResult>;

public interface IQueryHandler<in TQuery, TResult>
    where TQuery : IQuery<TResult>
{
    Task<TResult> ExecuteQueryAsync(TQuery query, CancellationToken cancellationToken);
}

public interface IQueryProcessor
{
    Task<TResult> ProcessAsync<TResult>(IQuery<TResult> query, CancellationToken cancellationToken);
}

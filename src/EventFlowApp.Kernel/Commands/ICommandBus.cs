using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Kernel.Commands;

public interface ICommandBus
{
    /// <summary>
    /// Runs the command's one handler and commits what it emitted. Idempotent by source id; concurrency
    /// conflicts retry up to the configured count, then throw.
    /// </summary>
    Task<TResult> PublishAsync<TAggregate, TIdentity, TResult>(ICommand<TAggregate, TIdentity, TResult> command, CancellationToken cancellationToken)
        where TAggregate : IAggregateRoot<TIdentity>
        where TIdentity : IIdentity
        where TResult : ExecutionResult;

    /// <summary>The same for a command whose types are known only at run time (a saga's, a batch's, an API's).</summary>
    Task<ExecutionResult> PublishAsync(ICommand command, CancellationToken cancellationToken);
}

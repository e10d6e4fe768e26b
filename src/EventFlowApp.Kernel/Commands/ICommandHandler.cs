using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Kernel.Commands;

/// <summary>
/// Decides a command against the loaded aggregate by calling its methods. It may run more than once
/// (a concurrency conflict retries it on a freshly loaded aggregate), so it must not touch the outside world.
/// </summary>
public interface ICommandHandler<in TAggregate, TIdentity, TResult, in TCommand>
    where TAggregate : IAggregateRoot<TIdentity>
    where TIdentity : IIdentity
    where TResult : ExecutionResult
    where TCommand : ICommand<TAggregate, TIdentity, TResult>
{
    Task<TResult> ExecuteAsync(TAggregate aggregate, TCommand command, CancellationToken cancellationToken);
}

/// <summary>Convenience base for handlers that only return success.</summary>
public abstract class CommandHandler<TAggregate, TIdentity, TCommand> : ICommandHandler<TAggregate, TIdentity, ExecutionResult, TCommand>
    where TAggregate : IAggregateRoot<TIdentity>
    where TIdentity : IIdentity
    where TCommand : ICommand<TAggregate, TIdentity, ExecutionResult>
{
    public Task<ExecutionResult> ExecuteAsync(TAggregate aggregate, TCommand command, CancellationToken cancellationToken)
    {
        Execute(aggregate, command);
        return Task.FromResult(ExecutionResult.Success);
    }

    protected abstract void Execute(TAggregate aggregate, TCommand command);
}

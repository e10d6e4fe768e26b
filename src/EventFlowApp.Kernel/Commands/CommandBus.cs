using System.Reflection;
using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Events;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Commands;

public sealed class CommandBus : ICommandBus
{
    private readonly IServiceProvider _services;
    private readonly IAggregateStore _aggregates;

    public CommandBus(IServiceProvider services, IAggregateStore aggregates)
    {
        _services = services;
        _aggregates = aggregates;
    }

    public Task<TResult> PublishAsync<TAggregate, TIdentity, TResult>(ICommand<TAggregate, TIdentity, TResult> command, CancellationToken cancellationToken)
        where TAggregate : IAggregateRoot<TIdentity>
        where TIdentity : IIdentity
        where TResult : ExecutionResult
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.AggregateId is null)
        {
            throw new ArgumentException($"{command.GetType().Name} has no aggregate id.", nameof(command));
        }

        var commandType = command.GetType();
        var handlerType = typeof(ICommandHandler<,,,>).MakeGenericType(typeof(TAggregate), typeof(TIdentity), typeof(TResult), commandType);
        var handlers = _services.GetServices(handlerType).ToList();
        var handler = handlers.Count switch
        {
            1 => handlers[0]!,
            0 => throw new InvalidOperationException($"No handler is registered for {commandType.Name}."),
            _ => throw new InvalidOperationException($"{handlers.Count} handlers are registered for {commandType.Name}; a command has exactly one."),
        };
        var execute = handlerType.GetMethod("ExecuteAsync")!;
        var context = new CommitContext(
            command.SourceId,
            command.CorrelationId ?? command.SourceId,
            command.CausationId ?? command.SourceId,
            command.UserId,
            command.Metadata ?? Metadata.Empty);
        return _aggregates.UpdateAsync<TAggregate, TIdentity, TResult>(
            command.AggregateId,
            new AggregateUpdate(context, commandType.Name, command.Expectation),
            (aggregate, ct) => Invoke<TResult>(execute, handler, aggregate, command, ct),
            cancellationToken);
    }

    public async Task<ExecutionResult> PublishAsync(ICommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var contract = command.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<,,>))
            ?? throw new ArgumentException($"{command.GetType().Name} does not implement ICommand<TAggregate, TIdentity, TResult>.", nameof(command));
        var publish = PublishGeneric.MakeGenericMethod(contract.GetGenericArguments());
        var task = (Task)publish.InvokeDirect(this, command, cancellationToken)!;

        await task;
        return (ExecutionResult)task.GetType().GetProperty(nameof(Task<int>.Result))!.GetValue(task)!;
    }

    private static readonly MethodInfo PublishGeneric = typeof(CommandBus).GetMethods()
        .Single(m => m.Name == nameof(PublishAsync) && m.IsGenericMethodDefinition);

    private static Task<TResult> Invoke<TResult>(MethodInfo execute, object handler, object aggregate, object command, CancellationToken ct) =>
        (Task<TResult>)execute.InvokeDirect(handler, aggregate, command, ct)!;
}

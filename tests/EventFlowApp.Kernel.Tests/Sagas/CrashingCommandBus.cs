using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Kernel.Tests.Sagas;

/// <summary>Where the process "dies" next: before or after publishing the first command that matches (once).</summary>
public sealed class CrashSwitch
{
    public Func<ICommand, bool>? Before { get; set; }

    public Func<ICommand, bool>? After { get; set; }

    public int Published { get; set; }

    public void ThrowBefore(ICommand command)
    {
        if (Before?.Invoke(command) == true)
        {
            Before = null;
            throw new IOException($"crashed before sending {command.GetType().Name}");
        }
    }

    public void ThrowAfter(ICommand command)
    {
        Published++;
        if (After?.Invoke(command) == true)
        {
            After = null;
            throw new IOException($"crashed after sending {command.GetType().Name}");
        }
    }
}

/// <summary>The real bus, with a crash put in front of or behind one command.</summary>
public sealed class CrashingCommandBus(CommandBus inner, CrashSwitch crash) : ICommandBus
{
    public async Task<TResult> PublishAsync<TAggregate, TIdentity, TResult>(ICommand<TAggregate, TIdentity, TResult> command, CancellationToken cancellationToken)
        where TAggregate : IAggregateRoot<TIdentity>
        where TIdentity : IIdentity
        where TResult : ExecutionResult
    {
        crash.ThrowBefore(command);
        var result = await inner.PublishAsync(command, cancellationToken);
        crash.ThrowAfter(command);
        return result;
    }

    public async Task<ExecutionResult> PublishAsync(ICommand command, CancellationToken cancellationToken)
    {
        crash.ThrowBefore(command);
        var result = await inner.PublishAsync(command, cancellationToken);
        crash.ThrowAfter(command);
        return result;
    }
}

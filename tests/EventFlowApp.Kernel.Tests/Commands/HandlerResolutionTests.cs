using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.Commands;

/// <summary>A command has exactly one handler; none or two is a clear error before anything runs.</summary>
public sealed class HandlerResolutionTests
{
    [Fact]
    public async Task A_command_without_a_handler_is_a_clear_error()
    {
        using var host = KernelHost.Create();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => host.Bus.PublishAsync(new UnhandledThingCommand(ThingId.New), KernelHost.Ct));

        Assert.Contains("No handler", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(UnhandledThingCommand), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_with_two_handlers_is_a_clear_error_and_neither_runs()
    {
        using var host = KernelHost.Create(o => o
            .AddCommandHandler<DoublyHandledFirstHandler>()
            .AddCommandHandler<DoublyHandledSecondHandler>());
        var id = ThingId.New;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => host.Bus.PublishAsync(new DoublyHandledThingCommand(id), KernelHost.Ct));

        Assert.Contains("2 handlers", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(DoublyHandledThingCommand), error.Message, StringComparison.Ordinal);
        Assert.Empty(await host.AllAsync());
    }

    [Fact]
    public async Task Registering_the_same_handler_twice_keeps_one()
    {
        using var host = KernelHost.Create(o => o.AddCommandHandler<CreateThingHandler>());
        var id = ThingId.New;

        await host.CreateAsync(id);

        Assert.Single(await host.StreamAsync(id));
    }

    [Fact]
    public async Task A_command_without_an_aggregate_id_is_rejected()
    {
        using var host = KernelHost.Create();

        await Assert.ThrowsAsync<ArgumentException>(() => host.Bus.PublishAsync(new CreateThing(null!, "x"), KernelHost.Ct));
    }
}

public sealed record UnhandledThingCommand(ThingId AggregateId) : Command<Thing, ThingId, ExecutionResult>(AggregateId)
{
    public override AggregateExpectation Expectation => AggregateExpectation.Any;
}

public sealed record DoublyHandledThingCommand(ThingId AggregateId) : Command<Thing, ThingId, ExecutionResult>(AggregateId)
{
    public override AggregateExpectation Expectation => AggregateExpectation.Any;
}

public sealed class DoublyHandledFirstHandler : CommandHandler<Thing, ThingId, DoublyHandledThingCommand>
{
    protected override void Execute(Thing aggregate, DoublyHandledThingCommand command) => aggregate.Poke();
}

public sealed class DoublyHandledSecondHandler : CommandHandler<Thing, ThingId, DoublyHandledThingCommand>
{
    protected override void Execute(Thing aggregate, DoublyHandledThingCommand command) => aggregate.Poke();
}

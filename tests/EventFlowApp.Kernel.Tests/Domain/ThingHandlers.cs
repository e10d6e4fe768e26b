using EventFlowApp.Kernel.Commands;

namespace EventFlowApp.Kernel.Tests.Domain;

public sealed class CreateThingHandler : CommandHandler<Thing, ThingId, CreateThing>
{
    protected override void Execute(Thing aggregate, CreateThing command) => aggregate.Create(command.Name);
}

public sealed class CountThingHandler : ICommandHandler<Thing, ThingId, CountResult, CountThing>
{
    public Task<CountResult> ExecuteAsync(Thing aggregate, CountThing command, CancellationToken cancellationToken)
    {
        if (aggregate.State.Total + (command.By * command.Times) < 0)
        {
            return Task.FromResult(new CountResult(aggregate.State.Total) { IsSuccess = false, Errors = ["The total cannot go below zero."] });
        }

        for (var i = 0; i < command.Times; i++)
        {
            aggregate.Count(command.By, command.Metadata);
        }

        return Task.FromResult(new CountResult(aggregate.State.Total));
    }
}

public sealed class RenameThingHandler : CommandHandler<Thing, ThingId, RenameThing>
{
    protected override void Execute(Thing aggregate, RenameThing command) => aggregate.Rename(command.NewName);
}

public sealed class PokeThingHandler : CommandHandler<Thing, ThingId, PokeThing>
{
    protected override void Execute(Thing aggregate, PokeThing command) => aggregate.Poke();
}

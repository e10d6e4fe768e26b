using EventFlowApp.Kernel.Commands;

namespace EventFlowApp.Kernel.Tests.Domain;

public sealed record CreateThing(ThingId AggregateId, string Name) : Command<Thing, ThingId, ExecutionResult>(AggregateId)
{
    public override AggregateExpectation Expectation => AggregateExpectation.New;
}

/// <summary>Counts <see cref="By"/> once per <see cref="Times"/>; a negative total is refused with a failed result.</summary>
[CommandName("CountThing", 1)]
public sealed record CountThing(ThingId AggregateId, int By, int Times = 1) : Command<Thing, ThingId, CountResult>(AggregateId);

public sealed record CountResult(int Total) : ExecutionResult;

[CommandName("RenameThing", 1)]
public sealed record RenameThing(ThingId AggregateId, string NewName) : Command<Thing, ThingId, ExecutionResult>(AggregateId);

/// <summary>Works on new and existing things alike.</summary>
[CommandName("PokeThing", 1)]
public sealed record PokeThing(ThingId AggregateId) : Command<Thing, ThingId, ExecutionResult>(AggregateId)
{
    public override AggregateExpectation Expectation => AggregateExpectation.Any;
}

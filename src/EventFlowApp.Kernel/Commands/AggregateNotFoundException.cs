namespace EventFlowApp.Kernel.Commands;

public sealed class AggregateNotFoundException(string aggregateId, string commandName)
    : Exception($"{commandName}: {aggregateId} does not exist.")
{
    public string AggregateId { get; } = aggregateId;
}

public sealed class AggregateAlreadyExistsException(string aggregateId, string commandName)
    : Exception($"{commandName}: {aggregateId} already exists.")
{
    public string AggregateId { get; } = aggregateId;
}

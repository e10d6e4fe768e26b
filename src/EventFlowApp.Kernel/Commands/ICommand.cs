using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.Commands;

public interface ICommand
{
    /// <summary>The command's id; applying the same source id twice has no second effect.</summary>
    string SourceId { get; }

    string? CorrelationId { get; }

    string? CausationId { get; }

    string? UserId { get; }

    AggregateExpectation Expectation { get; }

    /// <summary>Free key/values copied into every event the command emits.</summary>
    Metadata? Metadata { get; }

    IIdentity GetAggregateId();

    /// <summary>A copy of the command with another source id.</summary>
    ICommand WithSourceId(string sourceId);
}

public interface ICommand<TAggregate, TIdentity, TResult> : ICommand
    where TAggregate : IAggregateRoot<TIdentity>
    where TIdentity : IIdentity
    where TResult : ExecutionResult
{
    TIdentity AggregateId { get; }
}

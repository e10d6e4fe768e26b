using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.Commands;

/// <summary>
/// Base record of a command. Give <see cref="SourceId"/> a value derived from the request (an import's
/// entry id, a client's idempotency key) to make retries safe; the default is a fresh id.
/// </summary>
public abstract record Command<TAggregate, TIdentity, TResult>(TIdentity AggregateId) : ICommand<TAggregate, TIdentity, TResult>
    where TAggregate : IAggregateRoot<TIdentity>
    where TIdentity : IIdentity
    where TResult : ExecutionResult
{
    public string SourceId { get; init; } = "command-" + Guid.NewGuid().ToString("D");

    public string? CorrelationId { get; init; }

    public string? CausationId { get; init; }

    public string? UserId { get; init; }

    public Metadata? Metadata { get; init; }

    public virtual AggregateExpectation Expectation => AggregateExpectation.Existing;

    public IIdentity GetAggregateId() => AggregateId;

    /// <summary>A copy of this command (of its own type) with another source id, e.g. a client's idempotency key.</summary>
    public ICommand WithSourceId(string sourceId) => this with { SourceId = sourceId };
}

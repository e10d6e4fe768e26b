using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.EventStores;

namespace EventFlowApp.Kernel.Aggregates;

/// <summary>Describes one idempotent update: who asked (the context, whose source id is remembered) and what.</summary>
public sealed record AggregateUpdate(CommitContext Context, string OperationName, AggregateExpectation Expectation = AggregateExpectation.Any);

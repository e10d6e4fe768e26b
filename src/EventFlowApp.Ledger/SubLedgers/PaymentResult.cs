using EventFlowApp.Kernel.Commands;

namespace EventFlowApp.Ledger.SubLedgers;

/// <summary>How a payment was split: the items it settled and what is now held as credit.</summary>
public sealed record PaymentResult(IReadOnlyList<Allocation> Allocations, decimal ToCredit) : ExecutionResult;

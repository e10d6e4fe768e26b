using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Ledger.Receivables;

public sealed class CustomerId(string value) : Identity<CustomerId>(value);

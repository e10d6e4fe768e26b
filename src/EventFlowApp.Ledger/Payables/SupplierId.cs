using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Ledger.Payables;

public sealed class SupplierId(string value) : Identity<SupplierId>(value);

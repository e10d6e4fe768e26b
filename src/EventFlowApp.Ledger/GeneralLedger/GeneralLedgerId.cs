using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Ledger.GeneralLedger;

/// <summary>A book: its chart of accounts, its periods, and the numbering of its journal entries.</summary>
public sealed class GeneralLedgerId(string value) : Identity<GeneralLedgerId>(value);

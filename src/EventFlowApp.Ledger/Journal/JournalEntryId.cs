using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.GeneralLedger;

namespace EventFlowApp.Ledger.Journal;

public sealed class JournalEntryId(string value) : Identity<JournalEntryId>(value)
{
    private static readonly Guid Namespace = new("0c6f4a8e-2d1b-4f3e-8a7c-5e9d1b2a4c60");

    /// <summary>The entry id for an outside reference (an import's entry id, a bill): the same every time, so a retry is a duplicate.</summary>
    public static JournalEntryId For(GeneralLedgerId ledger, string externalId) => NewDeterministic(Namespace, $"{ledger.Value}/{externalId}");
}

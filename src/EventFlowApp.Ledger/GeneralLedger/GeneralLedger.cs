using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.GeneralLedger;

/// <summary>
/// A book of accounts. It guards everything that must hold across entries: unique account codes, open
/// accounts and periods, balanced postings, zero balance before closing, gapless entry numbers. Its
/// methods live in partial files by topic: accounts, periods, postings.
/// </summary>
[AggregateName("GeneralLedger")]
public sealed partial class GeneralLedger(GeneralLedgerId id) : AggregateRoot<GeneralLedger, GeneralLedgerId, GeneralLedgerState>(id)
{
    public const int MaxNameLength = 200;

    public void Open(string name, Currency reportingCurrency)
    {
        if (!IsNew)
        {
            throw new DomainError("ledger.exists", $"Ledger {Id} is already open.");
        }

        MoneyRules.EnsureKnown(reportingCurrency, "A ledger");
        Emit(new LedgerOpened(RequireName(name, "A ledger"), reportingCurrency));
    }

    private void EnsureOpen()
    {
        if (IsNew)
        {
            throw new DomainError("ledger.not_found", $"Ledger {Id} does not exist; open it first.");
        }
    }

    private static string RequireName(string? name, string what)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > MaxNameLength)
        {
            throw new DomainError("name.invalid", $"{what} needs a name of 1 to {MaxNameLength} characters.");
        }

        return trimmed;
    }
}

using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;

namespace EventFlowApp.Ledger.ReadModels;

/// <summary>
/// One row per account (keyed by the account id, unique across books): the chart of accounts and the
/// current balance, debits minus credits. Consistent on write so that whoever posts reads their own
/// balance at once. The reports also take their chart (code, name, type, currency) from here.
/// </summary>
[ReadModel("ledger_account_balances", ConsistentOnWrite = true)]
[ReadModelLocator(typeof(AccountLocator))]
[ReadModelIndex(nameof(LedgerId), nameof(Code))]
public sealed class AccountBalance :
    IAmReadModelFor<GeneralLedger.GeneralLedger, GeneralLedgerId, AccountOpened>,
    IAmReadModelFor<GeneralLedger.GeneralLedger, GeneralLedgerId, AccountRenamed>,
    IAmReadModelFor<GeneralLedger.GeneralLedger, GeneralLedgerId, AccountClosed>,
    IAmReadModelFor<GeneralLedger.GeneralLedger, GeneralLedgerId, AccountReopened>,
    IAmReadModelFor<JournalEntry, JournalEntryId, JournalEntryPosted>
{
    public string LedgerId { get; set; } = "";

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The <see cref="AccountType"/> name (Asset, Liability, Equity, Revenue, Expense).</summary>
    public string Type { get; set; } = "";

    public string Currency { get; set; } = "";

    public bool IsClosed { get; set; }

    /// <summary>Debits minus credits in the account's currency.</summary>
    public decimal Balance { get; set; }

    /// <summary>Debits minus credits in the book's reporting currency (see <see cref="ReportingAmounts"/>).</summary>
    public decimal ReportingBalance { get; set; }

    public string ReportingCurrency { get; set; } = "";

    /// <summary>Lines whose reporting amount nothing recorded; <see cref="ReportingBalance"/> leaves them out.</summary>
    public int UnconvertedLines { get; set; }

    public long OpenedPosition { get; set; }

    public long LastPosition { get; set; }

    public void Apply(IReadModelContext context, IDomainEvent<GeneralLedger.GeneralLedger, GeneralLedgerId, AccountOpened> domainEvent)
    {
        var e = domainEvent.AggregateEvent;
        LedgerId = domainEvent.AggregateIdentity.Value;
        Code = e.Code;
        Name = e.Name;
        Type = e.Type.ToString();
        Currency = e.Currency.Code;
        OpenedPosition = Recorded.Position(domainEvent);
        LastPosition = OpenedPosition;
    }

    public void Apply(IReadModelContext context, IDomainEvent<GeneralLedger.GeneralLedger, GeneralLedgerId, AccountRenamed> domainEvent)
    {
        Name = domainEvent.AggregateEvent.Name;
        LastPosition = Recorded.Position(domainEvent);
    }

    public void Apply(IReadModelContext context, IDomainEvent<GeneralLedger.GeneralLedger, GeneralLedgerId, AccountClosed> domainEvent)
    {
        IsClosed = true;
        LastPosition = Recorded.Position(domainEvent);
    }

    public void Apply(IReadModelContext context, IDomainEvent<GeneralLedger.GeneralLedger, GeneralLedgerId, AccountReopened> domainEvent)
    {
        IsClosed = false;
        LastPosition = Recorded.Position(domainEvent);
    }

    public void Apply(IReadModelContext context, IDomainEvent<JournalEntry, JournalEntryId, JournalEntryPosted> domainEvent)
    {
        var e = domainEvent.AggregateEvent;
        ReportingCurrency = e.ReportingCurrency?.Code ?? ReportingCurrency;
        foreach (var line in e.Lines.Where(l => l.AccountId.Value == context.ReadModelId))
        {
            Balance += line.SignedAccountAmount;
            if (ReportingAmounts.Of(line, e.Lines, e.ReportingCurrency) is { } reporting)
            {
                ReportingBalance += line.Side == Side.Debit ? reporting : -reporting;
            }
            else
            {
                UnconvertedLines++;
            }
        }

        LastPosition = Recorded.Position(domainEvent);
    }
}

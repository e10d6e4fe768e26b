using System.Collections.Immutable;
using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Snapshots;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Periods;

namespace EventFlowApp.Ledger.GeneralLedger;

/// <summary>The fold of a book: its accounts (by id and by code), closed periods and the last entry number.</summary>
[SnapshotVersion("GeneralLedgerState", 1)]
public sealed record GeneralLedgerState : IAggregateState<GeneralLedgerState>
{
    public string? Name { get; init; }

    public Currency? ReportingCurrency { get; init; }

    /// <summary>Accounts by id value (string keys keep snapshots plain JSON).</summary>
    public ImmutableDictionary<string, Account> Accounts { get; init; } = ImmutableDictionary<string, Account>.Empty;

    public ImmutableDictionary<string, AccountId> Codes { get; init; } = ImmutableDictionary<string, AccountId>.Empty;

    public ImmutableSortedSet<Period> ClosedPeriods { get; init; } = [];

    public long LastEntryNumber { get; init; }

    public GeneralLedgerState Apply(IAggregateEvent aggregateEvent) => aggregateEvent switch
    {
        LedgerOpened e => this with { Name = e.Name, ReportingCurrency = e.ReportingCurrency },
        AccountOpened e => this with
        {
            Accounts = Accounts.Add(e.AccountId.Value, new Account(e.AccountId, e.Code, e.Name, e.Type, e.Currency, false, 0m)),
            Codes = Codes.Add(e.Code, e.AccountId),
        },
        AccountRenamed e => Change(e.AccountId, a => a with { Name = e.Name }),
        AccountClosed e => Change(e.AccountId, a => a with { IsClosed = true }),
        AccountReopened e => Change(e.AccountId, a => a with { IsClosed = false }),
        PeriodClosed e => this with { ClosedPeriods = ClosedPeriods.Add(e.Period) },
        PeriodReopened e => this with { ClosedPeriods = ClosedPeriods.Remove(e.Period) },
        JournalEntryRecorded e => ApplyRecorded(e),
        _ => this,
    };

    public Account? FindAccount(AccountId id) => Accounts.GetValueOrDefault(id.Value);

    public bool IsClosed(Period period) => ClosedPeriods.Contains(period);

    private GeneralLedgerState ApplyRecorded(JournalEntryRecorded e)
    {
        var accounts = Accounts;
        foreach (var change in e.Changes)
        {
            var account = accounts[change.AccountId.Value];
            accounts = accounts.SetItem(change.AccountId.Value, account with { Balance = account.Balance + change.Amount });
        }

        return this with { Accounts = accounts, LastEntryNumber = e.Number };
    }

    private GeneralLedgerState Change(AccountId id, Func<Account, Account> change) =>
        this with { Accounts = Accounts.SetItem(id.Value, change(Accounts[id.Value])) };
}

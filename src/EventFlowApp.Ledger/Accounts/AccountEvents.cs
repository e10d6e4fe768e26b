using EventFlowApp.Kernel.Events;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.Accounts;

[EventVersion("AccountOpened", 1)]
public sealed record AccountOpened(AccountId AccountId, string Code, string Name, AccountType Type, Currency Currency)
    : IAggregateEvent<GeneralLedger.GeneralLedger, GeneralLedgerId>;

[EventVersion("AccountRenamed", 1)]
public sealed record AccountRenamed(AccountId AccountId, string Name, string PreviousName) : IAggregateEvent<GeneralLedger.GeneralLedger, GeneralLedgerId>;

[EventVersion("AccountClosed", 1)]
public sealed record AccountClosed(AccountId AccountId) : IAggregateEvent<GeneralLedger.GeneralLedger, GeneralLedgerId>;

[EventVersion("AccountReopened", 1)]
public sealed record AccountReopened(AccountId AccountId) : IAggregateEvent<GeneralLedger.GeneralLedger, GeneralLedgerId>;

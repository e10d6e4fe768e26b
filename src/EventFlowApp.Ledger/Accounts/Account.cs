using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.Accounts;

/// <summary>An account as the ledger's state knows it. <see cref="Balance"/> is debits minus credits, in the account's currency.</summary>
public sealed record Account(AccountId Id, string Code, string Name, AccountType Type, Currency Currency, bool IsClosed, decimal Balance);

namespace EventFlowApp.Ledger.Accounts;

/// <summary>The five kinds of account; assets and expenses grow with debits, the others with credits.</summary>
public enum AccountType
{
    Asset,
    Liability,
    Equity,
    Revenue,
    Expense,
}

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

public static class AccountTypeExtensions
{
    public static bool IsDebitNormal(this AccountType type) => type is AccountType.Asset or AccountType.Expense;
}

using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.ExchangeRates;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.Journal;

public enum Side
{
    Debit,
    Credit,
}

/// <summary>A line as entered: an account, a side and a positive amount in some currency.</summary>
public sealed record JournalLineInput(AccountId AccountId, Side Side, decimal Amount, Currency Currency);

/// <summary>
/// A line as posted: the entered amount, and what it is in the account's currency with the rate that
/// converted it (null when the currencies are the same). Replays use <see cref="Rate"/>, never a provider.
/// </summary>
public sealed record PostedLine(
    AccountId AccountId,
    string AccountCode,
    Side Side,
    decimal Amount,
    Currency Currency,
    decimal AccountAmount,
    Currency AccountCurrency,
    ExchangeRate? Rate)
{
    /// <summary>Debits positive, credits negative, in the account's currency.</summary>
    public decimal SignedAccountAmount => Side == Side.Debit ? AccountAmount : -AccountAmount;

    public PostedLine Mirrored() => this with { Side = Side == Side.Debit ? Side.Credit : Side.Debit };
}

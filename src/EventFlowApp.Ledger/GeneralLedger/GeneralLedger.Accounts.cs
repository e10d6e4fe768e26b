using System.Text.RegularExpressions;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.GeneralLedger;

public sealed partial class GeneralLedger
{
    public AccountId OpenAccount(string code, string name, AccountType type, Currency currency)
    {
        EnsureOpen();
        code = code?.Trim() ?? "";
        if (!AccountCodePattern().IsMatch(code))
        {
            throw new DomainError("account.code_invalid", $"'{code}' is not an account code: use 1 to 20 letters, digits, '.', '-' or '_'.");
        }

        if (State.Codes.TryGetValue(code, out _))
        {
            throw new DomainError("account.code_taken", $"Account code {code} is already used in this ledger.");
        }

        if (!Enum.IsDefined(type))
        {
            throw new DomainError("account.type_invalid", $"'{type}' is not an account type.");
        }

        MoneyRules.EnsureKnown(currency, $"Account {code}");
        var id = AccountId.For(Id, code);
        Emit(new AccountOpened(id, code, RequireName(name, $"Account {code}"), type, currency));
        return id;
    }

    public void RenameAccount(AccountId accountId, string name)
    {
        var account = RequireAccount(accountId);
        var newName = RequireName(name, $"Account {account.Code}");
        if (newName != account.Name)
        {
            Emit(new AccountRenamed(accountId, newName, account.Name));
        }
    }

    public void CloseAccount(AccountId accountId)
    {
        var account = RequireAccount(accountId);
        if (account.IsClosed)
        {
            throw new DomainError("account.already_closed", $"Account {account.Code} is already closed.");
        }

        if (account.Balance != 0m)
        {
            throw new DomainError(
                "account.balance_not_zero", $"Account {account.Code} has a balance of {account.Balance} {account.Currency}; only an account at zero can be closed.");
        }

        Emit(new AccountClosed(accountId));
    }

    public void ReopenAccount(AccountId accountId)
    {
        var account = RequireAccount(accountId);
        if (!account.IsClosed)
        {
            throw new DomainError("account.not_closed", $"Account {account.Code} is open.");
        }

        Emit(new AccountReopened(accountId));
    }

    public Account RequireAccount(AccountId accountId)
    {
        EnsureOpen();
        return State.FindAccount(accountId)
            ?? throw new DomainError("account.not_found", $"Account {accountId} does not exist in ledger {Id}.");
    }

    public Account RequireAccount(string code)
    {
        EnsureOpen();
        return State.Codes.TryGetValue(code, out var id)
            ? State.Accounts[id.Value]
            : throw new DomainError("account.not_found", $"No account has code '{code}' in ledger {Id}.");
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,20}$")]
    private static partial Regex AccountCodePattern();
}

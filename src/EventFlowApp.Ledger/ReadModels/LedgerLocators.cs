using System.Globalization;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Periods;

namespace EventFlowApp.Ledger.ReadModels;

/// <summary>Rows keyed by account id: the account's own events, and every account a journal entry posts to.</summary>
public sealed class AccountLocator : IReadModelLocator
{
    public IEnumerable<string> GetReadModelIds(IDomainEvent domainEvent) => domainEvent.GetAggregateEvent() switch
    {
        AccountOpened e => [e.AccountId.Value],
        AccountRenamed e => [e.AccountId.Value],
        AccountClosed e => [e.AccountId.Value],
        AccountReopened e => [e.AccountId.Value],
        JournalEntryPosted e => e.Lines.Select(l => l.AccountId.Value).Distinct(StringComparer.Ordinal),
        _ => [],
    };
}

/// <summary>One row per posted line: <c>{entry id}/{line number}</c>, line numbers from 1 in the entry's order.</summary>
public sealed class LedgerLineLocator : IReadModelLocator
{
    public IEnumerable<string> GetReadModelIds(IDomainEvent domainEvent) =>
        domainEvent.GetAggregateEvent() is JournalEntryPosted e
            ? Enumerable.Range(1, e.Lines.Count).Select(n => LineId(domainEvent.GetIdentity().Value, n))
            : [];

    public static string LineId(string entryId, int lineNumber) => $"{entryId}/{lineNumber.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The line number at the end of a row id made by <see cref="LineId"/>.</summary>
    public static int LineNumberOf(string rowId) => int.Parse(rowId.AsSpan(rowId.LastIndexOf('/') + 1), CultureInfo.InvariantCulture);
}

/// <summary>One row per account and period the entry touches: <c>{account id}/{yyyy-MM}</c>.</summary>
public sealed class AccountPeriodLocator : IReadModelLocator
{
    public IEnumerable<string> GetReadModelIds(IDomainEvent domainEvent) =>
        domainEvent.GetAggregateEvent() is JournalEntryPosted e
            ? e.Lines.Select(l => RowId(l.AccountId, Period.Of(e.EffectiveDate))).Distinct(StringComparer.Ordinal)
            : [];

    public static string RowId(AccountId account, Period period) => $"{account.Value}/{period}";

    public static string AccountIdOf(string rowId) => rowId[..rowId.LastIndexOf('/')];
}

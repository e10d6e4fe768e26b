using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.ReadModels;

namespace EventFlowApp.Ledger.Reports.AccountStatements;

/// <summary>The statement of one account (its part of the general ledger) for the dates from and to, both included.</summary>
public sealed class AccountStatementReport(LedgerReadings readings, IReadModelStore store)
{
    public async Task<AccountStatement> ProduceAsync(
        GeneralLedgerId ledger, string accountCode, DateOnly from, DateOnly to, ReportOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (to < from)
        {
            throw new DomainError("report.dates_invalid", $"A statement from {from:yyyy-MM-dd} to {to:yyyy-MM-dd} ends before it starts.");
        }

        options ??= ReportOptions.Now;
        var book = await readings.BookAsync(ledger, options, cancellationToken);
        var chart = await readings.ChartAsync(ledger, options, cancellationToken);
        var account = chart.GetValueOrDefault(accountCode)
            ?? throw new DomainError("account.not_found", $"No account has code '{accountCode}' in ledger {ledger}.");
        var before = await readings.SumAsync(ledger, null, from.AddDays(-1), accountCode, options, cancellationToken);
        var opening = before.GetValueOrDefault(accountCode) ?? new AccountSum { Code = accountCode };
        var rows = await LinesAsync(ledger.Value, accountCode, from, to, options, cancellationToken);

        var (currency, reporting) = (account.Currency, book.ReportingCurrency);
        var running = opening.Balance;
        var runningReporting = opening.ReportingBalance;
        var lines = new List<StatementLine>(rows.Count);
        foreach (var row in rows)
        {
            running += row.Debit - row.Credit;
            runningReporting += row.ReportingDebit - row.ReportingCredit;
            lines.Add(new StatementLine(
                row.EffectiveDate, row.EntryNumber, row.LineNumber, row.Description, row.Reference,
                ReportMoney.Normalize(row.Debit, currency), ReportMoney.Normalize(row.Credit, currency), ReportMoney.Normalize(running, currency),
                ReportMoney.Normalize(row.ReportingDebit, reporting), ReportMoney.Normalize(row.ReportingCredit, reporting),
                row.ReversalOfEntryId, row.RecordedPosition, row.RecordedAt));
        }

        return new AccountStatement(
            ledger.Value, account.Code, account.Name, account.Type, currency, from, to, options.KnownAt?.Position, options.KnownAt?.Time,
            ReportMoney.Normalize(opening.Balance, currency), lines,
            ReportMoney.Normalize(rows.Sum(r => r.Debit), currency), ReportMoney.Normalize(rows.Sum(r => r.Credit), currency),
            ReportMoney.Normalize(running, currency),
            reporting, ReportMoney.Normalize(opening.ReportingBalance, reporting), ReportMoney.Normalize(runningReporting, reporting));
    }

    private Task<IReadOnlyList<LedgerLine>> LinesAsync(
        string ledgerId, string code, DateOnly from, DateOnly to, ReportOptions options, CancellationToken cancellationToken) =>
        store.QueryAsync<LedgerLine, LedgerLine>(
            options.ViewOrLive,
            q => q.Where(l => l.LedgerId == ledgerId && l.AccountCode == code && l.EffectiveDate >= from && l.EffectiveDate <= to)
                .KnownAt(options.KnownAt)
                .OrderBy(l => l.EffectiveDate).ThenBy(l => l.EntryNumber).ThenBy(l => l.LineNumber),
            cancellationToken);
}

using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.ReadModels;

namespace EventFlowApp.Ledger.Reports;

/// <summary>The reads the ledger reports share: the book, its chart, and per-account sums over a date range.</summary>
public sealed class LedgerReadings(IReadModelStore store)
{
    public async Task<LedgerBook> BookAsync(GeneralLedgerId ledger, ReportOptions options, CancellationToken cancellationToken) =>
        await store.GetAsync<LedgerBook>(ledger.Value, options.ViewOrLive, cancellationToken)
        ?? throw new DomainError("ledger.not_found", $"Ledger {ledger} does not exist (or not yet in the {options.ViewOrLive} read models).");

    /// <summary>The chart by account code. Names are the current ones of the view read: the chart is not bitemporal.</summary>
    public async Task<IReadOnlyDictionary<string, ChartAccount>> ChartAsync(GeneralLedgerId ledger, ReportOptions options, CancellationToken cancellationToken)
    {
        var id = ledger.Value;
        var rows = await store.QueryAsync<AccountBalance, ChartAccount>(
            options.ViewOrLive,
            q => q.Where(a => a.LedgerId == id).Select(a => new ChartAccount { Code = a.Code, Name = a.Name, Type = a.Type, Currency = a.Currency }),
            cancellationToken);
        return rows.ToDictionary(a => a.Code, StringComparer.Ordinal);
    }

    /// <summary>
    /// The sums per account code of the lines effective from <paramref name="from"/> (null: from the start)
    /// to <paramref name="to"/>, both included; only <paramref name="accountCode"/> when given. Without "as
    /// known at", whole months come from the period totals and only the days of partial months from the
    /// lines (see <see cref="AccountPeriodTotal"/> for why); with it, everything comes from the lines.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, AccountSum>> SumAsync(
        GeneralLedgerId ledger, DateOnly? from, DateOnly to, string? accountCode, ReportOptions options, CancellationToken cancellationToken)
    {
        var parts = new List<IReadOnlyList<AccountSum>>();
        var months = options.KnownAt is null ? WholeMonths(from, to) : null;
        if (months is not { } whole)
        {
            parts.Add(await FromLinesAsync(ledger.Value, from, to, accountCode, options, cancellationToken));
        }
        else
        {
            parts.Add(await FromTotalsAsync(ledger.Value, whole.Start, whole.EndExclusive, accountCode, options, cancellationToken));
            if (from is { } head && head < whole.Start)
            {
                parts.Add(await FromLinesAsync(ledger.Value, head, whole.Start.AddDays(-1), accountCode, options, cancellationToken));
            }

            if (whole.EndExclusive <= to)
            {
                parts.Add(await FromLinesAsync(ledger.Value, whole.EndExclusive, to, accountCode, options, cancellationToken));
            }
        }

        return parts.SelectMany(p => p)
            .GroupBy(s => s.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Aggregate(AccountSum.Add), StringComparer.Ordinal);
    }

    /// <summary>The calendar months lying wholly within the dates, as [start, end); null when there is none.</summary>
    internal static (DateOnly Start, DateOnly EndExclusive)? WholeMonths(DateOnly? from, DateOnly to)
    {
        var start = from is not { } f ? DateOnly.MinValue : f.Day == 1 ? f : new DateOnly(f.Year, f.Month, 1).AddMonths(1);
        var dayAfter = to.AddDays(1);
        var endExclusive = dayAfter.Day == 1 ? dayAfter : new DateOnly(to.Year, to.Month, 1);
        return start < endExclusive ? (start, endExclusive) : null;
    }

    private Task<IReadOnlyList<AccountSum>> FromLinesAsync(
        string ledgerId, DateOnly? from, DateOnly to, string? accountCode, ReportOptions options, CancellationToken cancellationToken) =>
        store.QueryAsync<LedgerLine, AccountSum>(
            options.ViewOrLive,
            q =>
            {
                var lines = q.Where(l => l.LedgerId == ledgerId && l.EffectiveDate <= to);
                if (from is { } f)
                {
                    lines = lines.Where(l => l.EffectiveDate >= f);
                }

                if (accountCode is { } code)
                {
                    lines = lines.Where(l => l.AccountCode == code);
                }

                return lines.KnownAt(options.KnownAt)
                    .GroupBy(l => l.AccountCode)
                    .Select(g => new AccountSum
                    {
                        Code = g.Key,
                        Debit = g.Sum(l => l.Debit),
                        Credit = g.Sum(l => l.Credit),
                        ReportingDebit = g.Sum(l => l.ReportingDebit),
                        ReportingCredit = g.Sum(l => l.ReportingCredit),
                        Lines = g.Count(),
                        UnconvertedLines = g.Count(l => !l.ReportingConverted),
                    });
            },
            cancellationToken);

    private Task<IReadOnlyList<AccountSum>> FromTotalsAsync(
        string ledgerId, DateOnly start, DateOnly endExclusive, string? accountCode, ReportOptions options, CancellationToken cancellationToken) =>
        store.QueryAsync<AccountPeriodTotal, AccountSum>(
            options.ViewOrLive,
            q =>
            {
                var totals = q.Where(t => t.LedgerId == ledgerId && t.PeriodStart >= start && t.PeriodStart < endExclusive);
                if (accountCode is { } code)
                {
                    totals = totals.Where(t => t.AccountCode == code);
                }

                return totals
                    .GroupBy(t => t.AccountCode)
                    .Select(g => new AccountSum
                    {
                        Code = g.Key,
                        Debit = g.Sum(t => t.Debit),
                        Credit = g.Sum(t => t.Credit),
                        ReportingDebit = g.Sum(t => t.ReportingDebit),
                        ReportingCredit = g.Sum(t => t.ReportingCredit),
                        Lines = g.Sum(t => t.Lines),
                        UnconvertedLines = g.Sum(t => t.UnconvertedLines),
                    });
            },
            cancellationToken);
}

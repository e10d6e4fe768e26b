using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.ReadModels.OpenItems;

namespace EventFlowApp.Ledger.Reports.Ageing;

/// <summary>Supplier or customer balances with ageing, as of a date.</summary>
public sealed class AgeingReportQuery(IReadModelStore store)
{
    public async Task<AgeingReport> ProduceAsync(
        GeneralLedgerId ledger, CounterpartyKind kind, DateOnly asOf, ReportOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= ReportOptions.Now;
        var view = options.ViewOrLive;
        var (ledgerId, kindName) = (ledger.Value, kind.ToString());
        var counterparties = (await store.QueryAsync<CounterpartyRow, CounterpartyRow>(
                view, q => q.Where(c => c.LedgerId == ledgerId && c.Kind == kindName), cancellationToken))
            .ToDictionary(c => c.CounterpartyId, StringComparer.Ordinal);
        var ids = counterparties.Keys.ToList();
        var items = await store.QueryAsync<OpenItemRow, OpenItemRow>(
            view, q => q.Where(i => i.Kind == kindName && i.IssueDate <= asOf && ids.Contains(i.CounterpartyId)).KnownAt(options.KnownAt), cancellationToken);
        var paid = (await store.QueryAsync<SettlementRow, PaidSum>(
                view,
                q => q.Where(s => s.Date <= asOf && ids.Contains(s.CounterpartyId)).KnownAt(options.KnownAt)
                    .GroupBy(s => new { s.CounterpartyId, s.ItemId })
                    .Select(g => new PaidSum { CounterpartyId = g.Key.CounterpartyId, ItemId = g.Key.ItemId, Amount = g.Sum(s => s.Amount) }),
                cancellationToken))
            .ToDictionary(p => (p.CounterpartyId, p.ItemId));

        var aged = items
            .Select(i => (Item: i, Paid: paid.GetValueOrDefault((i.CounterpartyId, i.ItemId))?.Amount ?? 0m))
            .Where(x => x.Item.Amount - x.Paid > 0m)
            .GroupBy(x => x.Item.CounterpartyId, StringComparer.Ordinal)
            .Select(g => Ageing(counterparties[g.Key], g, asOf))
            .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.CounterpartyId, StringComparer.Ordinal)
            .ToList();
        var totals = aged.GroupBy(c => c.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CurrencyAgeing(g.Key, g.Select(c => c.Buckets).Aggregate(AgeingBucketRules.Add)))
            .ToList();
        return new AgeingReport(ledgerId, kind, asOf, options.KnownAt?.Position, options.KnownAt?.Time, aged, totals);
    }

    private static CounterpartyAgeing Ageing(CounterpartyRow counterparty, IEnumerable<(OpenItemRow Item, decimal Paid)> items, DateOnly asOf)
    {
        var currency = counterparty.Currency;
        var aged = items
            .Select(x =>
            {
                var (item, paid) = x;
                var days = asOf.DayNumber - item.DueDate.DayNumber;
                return new AgedItem(
                    item.ItemId, item.Number, item.IssueDate, item.DueDate,
                    ReportMoney.Normalize(item.Amount, currency), ReportMoney.Normalize(paid, currency), ReportMoney.Normalize(item.Amount - paid, currency),
                    days, AgeingBucketRules.For(days));
            })
            .OrderBy(i => i.DueDate).ThenBy(i => i.Number, StringComparer.Ordinal).ThenBy(i => i.ItemId, StringComparer.Ordinal)
            .ToList();
        return new CounterpartyAgeing(counterparty.CounterpartyId, counterparty.Name, currency, AgeingBucketRules.Sum(aged, currency), aged);
    }

    /// <summary>What was paid of one item (a query projection).</summary>
    public sealed class PaidSum
    {
        public string CounterpartyId { get; set; } = "";

        public string ItemId { get; set; } = "";

        public decimal Amount { get; set; }
    }
}

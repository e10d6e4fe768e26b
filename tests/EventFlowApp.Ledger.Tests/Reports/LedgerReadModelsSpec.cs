using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Payables;
using EventFlowApp.Ledger.Periods;
using EventFlowApp.Ledger.ReadModels;
using EventFlowApp.Ledger.ReadModels.OpenItems;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Reports.SmallLedger;

namespace EventFlowApp.Ledger.Tests.Reports;

/// <summary>The rows the reports read, as stored.</summary>
public sealed class LedgerReadModelsSpec : IDisposable
{
    private readonly ReportHost _reports = new();

    public void Dispose() => _reports.Dispose();

    private Task<T?> RowAsync<T>(string id) where T : class, IReadModel => _reports.Store.GetAsync<T>(id, ReadModelView.Live, LedgerHost.Ct);

    [Fact]
    public void The_ledger_registers_its_read_models_and_balances_are_consistent_on_write()
    {
        var names = _reports.Registry.All.ToDictionary(d => d.Name);

        Assert.Equal(
            ["ledger_account_balances", "ledger_account_period_totals", "ledger_books", "ledger_counterparties", "ledger_lines", "ledger_open_items", "ledger_settlements"],
            names.Keys.Order(StringComparer.Ordinal));
        Assert.True(names["ledger_account_balances"].ConsistentOnWrite);
        Assert.Equal([["LedgerId", "AccountCode", "EffectiveDate"], ["LedgerId", "EffectiveDate"]], names["ledger_lines"].Indexes);
    }

    [Fact]
    public async Task An_account_row_has_its_chart_entry_and_balances_in_its_own_and_the_reporting_currency()
    {
        var book = await SmallLedger.CreateAsync(_reports);
        await _reports.Host.SendAsync(new RenameAccount(_reports.LedgerId, book.Bank, "Main bank"));
        await _reports.CatchUpAsync();

        var bank = await RowAsync<AccountBalance>(book.Bank.Value);

        Assert.Equal(
            (_reports.LedgerId.Value, "1000", "Main bank", "Asset", "EUR", 11000m, 11000m, "EUR", false),
            (bank!.LedgerId, bank.Code, bank.Name, bank.Type, bank.Currency, bank.Balance, bank.ReportingBalance, bank.ReportingCurrency, bank.IsClosed));
        Assert.Equal(await _reports.PositionAsync(), bank.LastPosition);
    }

    [Fact]
    public async Task A_line_row_carries_both_time_axes_and_a_period_row_sums_its_month()
    {
        var book = await SmallLedger.CreateAsync(_reports);
        await _reports.CatchUpAsync();
        var events = await _reports.Host.AllEventsAsync();
        var posted = events.Last(e => e.GetAggregateEvent() is JournalEntryPosted p && p.Number == 3);

        var line = await RowAsync<LedgerLine>(LedgerLineLocator.LineId(book.Sale.Value, 2));
        var rent = await RowAsync<AccountPeriodTotal>(AccountPeriodLocator.RowId(book.Bank, new Period(2026, 1)));

        Assert.Equal(
            (3L, 2, "4000", new DateOnly(2026, 2, 10), "2026-02", "sale", 0m, 4000m, 4000m, true, ""),
            (line!.EntryNumber, line.LineNumber, line.AccountCode, line.EffectiveDate, line.Period, line.Description, line.Debit, line.Credit, line.ReportingCredit, line.ReportingConverted, line.ReversalOfEntryId));
        Assert.Equal((posted.GlobalSequenceNumber, posted.Timestamp.UtcDateTime, DateTimeKind.Utc), (line.RecordedPosition, line.RecordedAt, line.RecordedAt.Kind));
        Assert.Equal(("1000", "2026-01", new DateOnly(2026, 1, 1), 10000m, 1500m, 2), (rent!.AccountCode, rent.Period, rent.PeriodStart, rent.Debit, rent.Credit, rent.Lines));
    }

    [Fact]
    public async Task Open_items_keep_the_amount_paid_and_each_allocation_its_own_row()
    {
        var bank = await _reports.AccountAsync("1000", AccountType.Asset);
        var payables = await _reports.AccountAsync("2000", AccountType.Liability);
        var expenses = await _reports.AccountAsync("6000", AccountType.Expense);
        var supplier = SupplierId.New;
        await _reports.Host.SendAsync(new RegisterSupplier(supplier, _reports.LedgerId, "Paper Co", Currency.EUR, payables));
        await _reports.Host.SendAsync(new ReceiveBill(supplier, "b1", "B-1", 100m, new(2026, 3, 1), new(2026, 3, 31), expenses));
        await _reports.Host.SendAsync(new PaySupplier(supplier, "p1", 30m, new(2026, 3, 10), bank));
        await _reports.Host.SendAsync(new PaySupplier(supplier, "p2", 25m, new(2026, 3, 20), bank));
        await _reports.CatchUpAsync();

        var item = await RowAsync<OpenItemRow>(OpenItemLocator.ItemRowId(supplier.Value, "b1"));
        var settlements = await _reports.Store.QueryAsync<SettlementRow, SettlementRow>(ReadModelView.Live, q => q.Where(s => s.ItemId == "b1"), LedgerHost.Ct);
        var counterparty = await RowAsync<CounterpartyRow>(supplier.Value);

        Assert.Equal(("Supplier", "B-1", 100m, 55m, new DateOnly(2026, 3, 31)), (item!.Kind, item.Number, item.Amount, item.AmountPaid, item.DueDate));
        Assert.Equal([("p1", 30m, new DateOnly(2026, 3, 10)), ("p2", 25m, new DateOnly(2026, 3, 20))], settlements.OrderBy(s => s.RecordedPosition).Select(s => (s.PaymentId, s.Amount, s.Date)));
        Assert.Equal(("Paper Co", "EUR", _reports.LedgerId.Value), (counterparty!.Name, counterparty.Currency, counterparty.LedgerId));
    }

    [Fact]
    public void Read_models_hold_only_the_column_types_every_store_maps()
    {
        Type[] allowed = [typeof(string), typeof(int), typeof(long), typeof(decimal), typeof(bool), typeof(DateOnly), typeof(DateTime)];
        foreach (var definition in _reports.Registry.All)
        {
            foreach (var property in definition.Type.GetProperties())
            {
                Assert.True(allowed.Contains(property.PropertyType), $"{definition.Name}.{property.Name} is a {property.PropertyType.Name}");
                Assert.True(property.CanWrite, $"{definition.Name}.{property.Name} is not settable");
            }
        }
    }
}

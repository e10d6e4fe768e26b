using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Payables;
using EventFlowApp.Ledger.Periods;
using EventFlowApp.Ledger.Receivables;
using EventFlowApp.Ledger.Reports;
using EventFlowApp.Ledger.Reports.Ageing;
using EventFlowApp.Ledger.SubLedgers;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Support.LedgerHost;

namespace EventFlowApp.Ledger.Tests.Reports;

/// <summary>
/// Replaying the same events yields byte-identical reports: after a blue/green rebuild of every read
/// model, and between a point-in-time generation and the live one asked "as known at" the same moment.
/// </summary>
public sealed class DeterminismSpec : IDisposable
{
    private static readonly string[] Codes = ["1000", "1010", "1100", "2000", "3000", "4000", "6000"];
    private static readonly DateOnly[] MonthEnds = [new(2026, 1, 31), new(2026, 2, 28), new(2026, 3, 31), new(2026, 4, 30)];
    private readonly ReportHost _reports = new();

    /// <summary>The last position and time before the events that change the past (back-dated entries, reversals).</summary>
    private long _cut;
    private DateTimeOffset _cutTime;

    public void Dispose() => _reports.Dispose();

    [Fact]
    public async Task A_rebuild_of_every_read_model_gives_byte_identical_reports()
    {
        await GivenAMixedHistoryAsync();
        var before = await AllReportsAsync(ReportOptions.Now);
        var beforeKnown = await AllReportsAsync(ReportHost.KnownAt(_cut));

        await _reports.RebuildAllAsync();

        Assert.All(_reports.Registry.All, d => Assert.Equal(2, LiveGeneration(d.Name)));
        Assert.Equal(before, await AllReportsAsync(ReportOptions.Now));
        Assert.Equal(beforeKnown, await AllReportsAsync(ReportHost.KnownAt(_cut)));
        Assert.NotEqual(before, beforeKnown);
    }

    [Fact]
    public async Task A_point_in_time_generation_up_to_a_position_reports_what_as_known_at_that_position_reports()
    {
        await GivenAMixedHistoryAsync();
        await _reports.BuildPointInTimeAsync("cut", _cut);

        var pointInTime = await AllReportsAsync(new ReportOptions(View: ReadModelView.Named("cut")));
        var knownAt = await AllReportsAsync(ReportHost.KnownAt(_cut), forgetKnownAt: true);

        Assert.Equal(pointInTime, knownAt);
    }

    [Fact]
    public async Task A_point_in_time_generation_up_to_a_time_reports_what_as_known_at_that_time_reports()
    {
        await GivenAMixedHistoryAsync();
        await _reports.BuildPointInTimeAsync("cut-time", null, _cutTime);

        var pointInTime = await AllReportsAsync(new ReportOptions(View: ReadModelView.Named("cut-time")));
        var knownAt = await AllReportsAsync(new ReportOptions(AsKnownAt.AtTime(_cutTime)), forgetKnownAt: true);

        Assert.Equal(pointInTime, knownAt);
        Assert.Equal(knownAt, await AllReportsAsync(ReportHost.KnownAt(_cut), forgetKnownAt: true));
    }

    private int LiveGeneration(string readModel) =>
        _reports.Get<IReadModelGenerationStore>().ListAsync(readModel, Ct).GetAwaiter().GetResult().Single(g => g.State == GenerationState.Live).Generation;

    private async Task SendAsync(ICommand command)
    {
        _reports.Host.Clock.Advance(TimeSpan.FromHours(1));
        await _reports.Host.SendAsync(command);
    }

    private async Task GivenAMixedHistoryAsync()
    {
        var ledger = _reports.LedgerId;
        var bank = await _reports.AccountAsync("1000", AccountType.Asset);
        var bankUsd = await _reports.AccountAsync("1010", AccountType.Asset, Currency.USD);
        var receivables = await _reports.AccountAsync("1100", AccountType.Asset);
        var payables = await _reports.AccountAsync("2000", AccountType.Liability);
        var capital = await _reports.AccountAsync("3000", AccountType.Equity);
        var sales = await _reports.AccountAsync("4000", AccountType.Revenue);
        var expenses = await _reports.AccountAsync("6000", AccountType.Expense);
        var (supplier, customer) = (SupplierId.New, CustomerId.New);
        var (usdEntry, saleEntry) = (JournalEntryId.New, JournalEntryId.New);
        await SendAsync(new RegisterSupplier(supplier, ledger, "Paper Co", Currency.EUR, payables));
        await SendAsync(new RegisterCustomer(customer, ledger, "Buyer plc", Currency.EUR, receivables));
        await SendAsync(new PostJournalEntry(JournalEntryId.New, ledger, new(2026, 1, 2), "capital", "C-1", [Debit(bank, 20000m), Credit(capital, 20000m)]));
        await SendAsync(new PostJournalEntry(JournalEntryId.New, ledger, new(2026, 1, 3), "USD float", null, [Debit(bankUsd, 1000m, Currency.USD), Credit(bank, 1000m, Currency.USD)]));
        await SendAsync(new PostJournalEntry(usdEntry, ledger, new(2026, 1, 20), "US licence", null, [Debit(expenses, 123.45m, Currency.USD), Credit(bankUsd, 123.45m, Currency.USD)]));
        await SendAsync(new ReceiveBill(supplier, "b1", "B-1", 800.10m, new(2026, 1, 10), new(2026, 2, 9), expenses, "paper"));
        await SendAsync(new IssueInvoice(customer, "i1", "INV-1", 2500m, new(2026, 2, 1), new(2026, 3, 3), sales));
        await SendAsync(new PostJournalEntry(saleEntry, ledger, new(2026, 2, 14), "UK sale", null, [Debit(receivables, 99.99m, Currency.GBP), Credit(sales, 99.99m, Currency.GBP)]));
        await SendAsync(new PaySupplier(supplier, "p1", 300m, new(2026, 2, 20), bank));
        await SendAsync(new ClosePeriod(ledger, new Period(2026, 1)));

        _cut = await _reports.PositionAsync();
        _cutTime = _reports.Host.Clock.GetUtcNow();

        // Recorded after the cut: back-dated into February, reversals (one into closed January, so it lands in February), more items and payments.
        await SendAsync(new PostJournalEntry(JournalEntryId.New, ledger, new(2026, 2, 3), "late February fee", null, [Debit(expenses, 45.67m), Credit(bank, 45.67m)]));
        await SendAsync(new ReverseJournalEntry(usdEntry, JournalEntryId.New));
        await SendAsync(new ReverseJournalEntry(saleEntry, JournalEntryId.New, new DateOnly(2026, 3, 1), "sale cancelled"));
        await SendAsync(new PaySupplier(supplier, "p2", 700m, new(2026, 3, 5), bank));
        await SendAsync(new ReceiveBill(supplier, "b2", "B-2", 120m, new(2026, 2, 25), new(2026, 3, 10), expenses));
        await SendAsync(new ApplySupplierCredit(supplier, new(2026, 3, 6)));
        await SendAsync(new ReceivePayment(customer, "r1", 1000m, new(2026, 3, 15), bank, [new Allocation("i1", 1000m)]));
        await SendAsync(new ClosePeriod(ledger, new Period(2026, 2)));
        await SendAsync(new PostJournalEntry(JournalEntryId.New, ledger, new(2026, 4, 2), "April rent", null, [Debit(expenses, 1500m), Credit(bank, 1500m)]));
    }

    /// <summary>Every report over the history, as JSON; <paramref name="forgetKnownAt"/> blanks the "as known at" echo so views can be compared.</summary>
    private async Task<List<string>> AllReportsAsync(ReportOptions options, bool forgetKnownAt = false)
    {
        var json = new List<string>();
        foreach (var date in MonthEnds.Append(new DateOnly(2026, 2, 14)))
        {
            var tb = await _reports.TrialBalanceAsync(date, options);
            var sheet = await _reports.BalanceSheetAsync(date, options);
            json.Add(Json.Of(forgetKnownAt ? tb with { KnownAtPosition = null, KnownAtTime = null } : tb));
            json.Add(Json.Of(forgetKnownAt ? sheet with { KnownAtPosition = null, KnownAtTime = null } : sheet));
            foreach (var kind in new[] { CounterpartyKind.Supplier, CounterpartyKind.Customer })
            {
                var ageing = await _reports.AgeingAsync(kind, date, options);
                json.Add(Json.Of(forgetKnownAt ? ageing with { KnownAtPosition = null, KnownAtTime = null } : ageing));
            }
        }

        foreach (var (from, to) in new[] { (new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 30)), (new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), (new DateOnly(2026, 1, 15), new DateOnly(2026, 3, 10)) })
        {
            var income = await _reports.IncomeStatementAsync(from, to, options);
            json.Add(Json.Of(forgetKnownAt ? income with { KnownAtPosition = null, KnownAtTime = null } : income));
            foreach (var code in Codes)
            {
                var statement = await _reports.StatementAsync(code, from, to, options);
                json.Add(Json.Of(forgetKnownAt ? statement with { KnownAtPosition = null, KnownAtTime = null } : statement));
            }
        }

        return json;
    }
}

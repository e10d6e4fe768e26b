using System.Net.Http.Json;
using System.Text.Json;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Receivables;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Web.Tests.Reports;

/// <summary>
/// The reports over HTTP on the real host (SQLite, processors in the background): a small book posted
/// through the ledger API, a back-dated entry and a payment after a cut, then every report now, as known
/// at the cut (by position and by time), and from a point-in-time generation built up to the cut.
/// </summary>
public sealed class ReportApiTests : IAsyncLifetime
{
    private readonly WebHostFactory _factory = new();
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _client = null!;
    private string _ledger = "";
    private long _cut;
    private DateTimeOffset _cutTime;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // One host (the factory disposes it): polling every 50 ms keeps the waits short.
        _host = _factory.WithWebHostBuilder(b => b.UseSetting("Processors:PollMilliseconds", "50"));
        _client = _host.CreateClient();
        await GivenABookAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task The_trial_balance_now_and_as_known_at_the_cut()
    {
        var now = await GetAsync("trial-balance?asOf=2026-02-28");
        var byPosition = await GetAsync($"trial-balance?asOf=2026-02-28&knownAtPosition={_cut}");
        var byTime = await GetAsync($"trial-balance?asOf=2026-02-28&knownAtTime={Uri.EscapeDataString(_cutTime.ToString("O"))}");

        Assert.Equal(
            [("1000", 9950.51m, 0m), ("1100", 1000.00m, 0m), ("3000", 0m, 10000.00m), ("4000", 0m, 1450.50m), ("6000", 499.99m, 0m)],
            Lines(now, l => (l.GetProperty("code").GetString()!, l.GetProperty("debit").GetDecimal(), l.GetProperty("credit").GetDecimal())));
        Assert.Equal((11450.50m, 11450.50m), (now.GetProperty("totalDebit").GetDecimal(), now.GetProperty("totalCredit").GetDecimal()));
        Assert.Equal([9850.50m, 1200.00m, -10000.00m, -1450.50m, 400.00m], Lines(byPosition, l => l.GetProperty("balance").GetDecimal()));
        Assert.Equal(_cut, byPosition.GetProperty("knownAtPosition").GetInt64());
        Assert.Equal(byPosition.GetProperty("lines").GetRawText(), byTime.GetProperty("lines").GetRawText());
    }

    [Fact]
    public async Task The_account_statement_has_the_back_dated_entry_in_its_opening_balance()
    {
        var now = await GetAsync("account-statement?account=1000&from=2026-02-01&to=2026-02-28");
        var then = await GetAsync($"account-statement?account=1000&from=2026-02-01&to=2026-02-28&knownAtPosition={_cut}");

        Assert.Equal((9900.01m, 9950.51m), (now.GetProperty("openingBalance").GetDecimal(), now.GetProperty("closingBalance").GetDecimal()));
        Assert.Equal([(3L, 9500.01m), (4L, 9750.51m), (6L, 9950.51m)], Lines(now, l => (l.GetProperty("entryNumber").GetInt64(), l.GetProperty("balance").GetDecimal())));
        Assert.Equal((10000.00m, 9850.50m), (then.GetProperty("openingBalance").GetDecimal(), then.GetProperty("closingBalance").GetDecimal()));
    }

    [Fact]
    public async Task The_income_statement_and_balance_sheet()
    {
        var income = await GetAsync("income-statement?from=2026-01-01&to=2026-02-28");
        var incomeThen = await GetAsync($"income-statement?from=2026-01-01&to=2026-02-28&knownAtPosition={_cut}");
        var sheet = await GetAsync("balance-sheet?asOf=2026-02-28");

        Assert.Equal((1450.50m, 499.99m, 950.51m), Totals(income));
        Assert.Equal((1450.50m, 400.00m, 1050.50m), Totals(incomeThen));
        Assert.Equal(
            (10950.51m, 0.00m, 950.51m, 10950.51m),
            (sheet.GetProperty("totalAssets").GetDecimal(), sheet.GetProperty("totalLiabilities").GetDecimal(),
             sheet.GetProperty("currentResult").GetDecimal(), sheet.GetProperty("totalLiabilitiesAndEquity").GetDecimal()));
    }

    [Fact]
    public async Task The_ageing_of_customers_and_suppliers()
    {
        var customers = await GetAsync("ageing?kind=customers&asOf=2026-02-28");
        var customersThen = await GetAsync($"ageing?kind=customers&asOf=2026-02-28&knownAtPosition={_cut}");
        var suppliers = await GetAsync("ageing?kind=suppliers&asOf=2026-02-28");

        var item = customers.GetProperty("counterparties").EnumerateArray().Single().GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("INV-1", 1000.00m, 9, "1-30"), (item.GetProperty("number").GetString(), item.GetProperty("outstanding").GetDecimal(), item.GetProperty("daysOverdue").GetInt32(), item.GetProperty("bucket").GetString()));
        Assert.Equal("Customer", customers.GetProperty("kind").GetString());
        Assert.Equal(1200.00m, customersThen.GetProperty("totals").EnumerateArray().Single().GetProperty("buckets").GetProperty("days1To30").GetDecimal());
        Assert.Empty(suppliers.GetProperty("counterparties").EnumerateArray());
    }

    [Fact]
    public async Task A_point_in_time_view_reports_what_was_known_at_its_position()
    {
        foreach (var readModel in (await ReadModelsCaughtUp.LedgerReadModelsAsync(_client)).Keys)
        {
            using var response = await _client.PostAsJsonAsync($"/api/read-models/{readModel}/point-in-time", new { name = "cut", upToPosition = _cut }, Ct);
            Assert.True(response.IsSuccessStatusCode, $"{readModel}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        }

        await ReadModelsCaughtUp.WaitForPointInTimeAsync(_client, "cut");

        foreach (var report in new[] { "trial-balance?asOf=2026-02-28", "balance-sheet?asOf=2026-02-28", "income-statement?from=2026-01-01&to=2026-02-28", "account-statement?account=1000&from=2026-01-01&to=2026-02-28", "ageing?kind=customers&asOf=2026-02-28" })
        {
            var fromView = await GetAsync($"{report}&view=cut");
            var knownAt = await GetAsync($"{report}&knownAtPosition={_cut}");
            Assert.Equal(Without(knownAt, "knownAtPosition"), Without(fromView, "knownAtPosition"));
        }
    }

    private static (decimal Revenue, decimal Expenses, decimal Result) Totals(JsonElement income) =>
        (income.GetProperty("totalRevenue").GetDecimal(), income.GetProperty("totalExpenses").GetDecimal(), income.GetProperty("result").GetDecimal());

    private static List<T> Lines<T>(JsonElement report, Func<JsonElement, T> select) => report.GetProperty("lines").EnumerateArray().Select(select).ToList();

    /// <summary>The report's JSON without one property (the "as known at" echo, which a view does not set).</summary>
    private static string Without(JsonElement report, string property) =>
        JsonSerializer.Serialize(report.EnumerateObject().Where(p => p.Name != property).ToDictionary(p => p.Name, p => p.Value));

    private async Task<JsonElement> GetAsync(string report)
    {
        using var response = await _client.GetAsync($"/api/ledgers/{_ledger}/reports/{report}", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{report}: {(int)response.StatusCode} {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Capital, an invoice, rent and a cash sale; the cut; then a fee back-dated into January and a part payment
    /// of the invoice. The API has no sub-ledger endpoints yet, so the invoice and payment go through the host's
    /// own command bus.
    /// </summary>
    private async Task GivenABookAsync()
    {
        _ledger = (await PostAsync("/api/ledgers", new { name = "Acme Ltd", reportingCurrency = "EUR" })).GetProperty("ledgerId").GetString()!;
        foreach (var (code, name, type) in new[] { ("1000", "Bank", "Asset"), ("1100", "Receivables", "Asset"), ("3000", "Capital", "Equity"), ("4000", "Sales", "Revenue"), ("6000", "Expenses", "Expense") })
        {
            await PostAsync($"/api/ledgers/{_ledger}/accounts", new { code, name, type, currency = "EUR" });
        }

        var ledger = GeneralLedgerId.With(_ledger);
        var customer = CustomerId.New;
        await EntryAsync("2026-01-05", "capital", ("1000", 10000m), ("3000", -10000m));
        await SendAsync(new RegisterCustomer(customer, ledger, "Buyer plc", Currency.EUR, AccountId.For(ledger, "1100")));
        await SendAsync(new IssueInvoice(customer, "i1", "INV-1", 1200m, new(2026, 1, 20), new(2026, 2, 19), AccountId.For(ledger, "4000")));
        await EntryAsync("2026-02-10", "rent", ("6000", 400m), ("1000", -400m));
        await EntryAsync("2026-02-15", "cash sale", ("1000", 250.50m), ("4000", -250.50m));
        await ReadModelsCaughtUp.WaitAsync(_client);

        // The cut: the last position before the changes, and a time between them (timestamps are the system clock's).
        _cut = (await _client.GetFromJsonAsync<JsonElement>("/api/status", Ct)).GetProperty("headPosition").GetInt64();
        await Task.Delay(20, Ct);
        _cutTime = DateTimeOffset.UtcNow;
        await Task.Delay(20, Ct);

        await EntryAsync("2026-01-25", "late January fee", ("6000", 99.99m), ("1000", -99.99m));
        await SendAsync(new ReceivePayment(customer, "r1", 200m, new(2026, 2, 25), AccountId.For(ledger, "1000")));
        await ReadModelsCaughtUp.WaitAsync(_client);
    }

    /// <summary>The command bus is scoped, as a request would have it.</summary>
    private async Task SendAsync(ICommand command)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ICommandBus>().PublishAsync(command, Ct);
    }

    /// <summary>Posts an entry; a positive amount is a debit, a negative one a credit.</summary>
    private Task EntryAsync(string date, string description, params (string Account, decimal Amount)[] lines) =>
        PostAsync($"/api/ledgers/{_ledger}/entries", new
        {
            effectiveDate = date,
            description,
            lines = lines.Select(l => l.Amount > 0 ? (object)new { account = l.Account, debit = l.Amount } : new { account = l.Account, credit = -l.Amount }).ToArray(),
        });

    private async Task<JsonElement> PostAsync(string url, object body)
    {
        using var response = await _client.PostAsJsonAsync(url, body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}

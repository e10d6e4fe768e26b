using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EventFlowApp.Web.Tests.Reports;

/// <summary>A bad parameter is a 400 that names it; an unknown ledger, account or view is a 404.</summary>
public sealed class ReportApiErrorTests : IAsyncLifetime
{
    private readonly WebHostFactory _factory = new();
    private HttpClient _client = null!;
    private string _ledger = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        WebApplicationFactory<Program> host = _factory.WithWebHostBuilder(b => b.UseSetting("Processors:PollMilliseconds", "50"));
        _client = host.CreateClient();
        using var opened = await _client.PostAsJsonAsync("/api/ledgers", new { name = "Acme Ltd", reportingCurrency = "EUR" }, Ct);
        _ledger = (await opened.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("ledgerId").GetString()!;
        using var account = await _client.PostAsJsonAsync($"/api/ledgers/{_ledger}/accounts", new { code = "1000", name = "Bank", type = "Asset", currency = "EUR" }, Ct);
        Assert.True(account.IsSuccessStatusCode);
        await ReadModelsCaughtUp.WaitAsync(_client);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Theory]
    [InlineData("trial-balance", "asOf is required")]
    [InlineData("trial-balance?asOf=31/03/2026", "asOf must be a date such as 2026-03-31, not '31/03/2026'")]
    [InlineData("trial-balance?asOf=2026-02-30", "asOf must be a date")]
    [InlineData("trial-balance?asOf=2026-03-31&knownAtPosition=-1", "knownAtPosition must be a global position")]
    [InlineData("trial-balance?asOf=2026-03-31&knownAtPosition=1&knownAtTime=2026-03-31T00:00:00Z", "not both")]
    [InlineData("balance-sheet?asOf=2026-03-31&knownAtTime=yesterday", "knownAtTime must be an ISO 8601 time")]
    [InlineData("balance-sheet?asOf=2026-03-31&view=", "view must name a point-in-time generation")]
    [InlineData("income-statement?from=2026-03-01", "to is required")]
    [InlineData("income-statement?from=2026-03-31&to=2026-03-01", "ends before it starts")]
    [InlineData("account-statement?from=2026-03-01&to=2026-03-31", "account is required")]
    [InlineData("ageing?asOf=2026-03-31", "kind is required: customers or suppliers")]
    [InlineData("ageing?kind=vendors&asOf=2026-03-31", "kind must be customers or suppliers, not 'vendors'")]
    public async Task A_bad_parameter_is_a_400_that_says_what_is_expected(string report, string message)
    {
        var (status, problem) = await GetAsync($"/api/ledgers/{_ledger}/reports/{report}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("bad_request", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_malformed_ledger_id_is_a_400()
    {
        var (status, _) = await GetAsync("/api/ledgers/not-a-ledger/reports/trial-balance?asOf=2026-03-31");

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task An_unknown_ledger_account_or_view_is_a_404()
    {
        var ledger = await GetAsync($"/api/ledgers/generalledger-{Guid.NewGuid()}/reports/trial-balance?asOf=2026-03-31");
        var account = await GetAsync($"/api/ledgers/{_ledger}/reports/account-statement?account=9999&from=2026-03-01&to=2026-03-31");
        var view = await GetAsync($"/api/ledgers/{_ledger}/reports/trial-balance?asOf=2026-03-31&view=no-such-view");

        Assert.Equal((HttpStatusCode.NotFound, "ledger.not_found"), (ledger.Status, ledger.Problem.GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.NotFound, "account.not_found"), (account.Status, account.Problem.GetProperty("code").GetString()));
        Assert.Contains("9999", account.Problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (view.Status, view.Problem.GetProperty("code").GetString()));
        Assert.Contains("no-such-view", view.Problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_book_with_no_postings_reports_zeroes()
    {
        var (status, report) = await GetAsync($"/api/ledgers/{_ledger}/reports/trial-balance?asOf=2026-03-31");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(report.GetProperty("lines").EnumerateArray());
        Assert.Equal(0m, report.GetProperty("totalDebit").GetDecimal());
    }

    private async Task<(HttpStatusCode Status, JsonElement Problem)> GetAsync(string url)
    {
        using var response = await _client.GetAsync(url, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        using var document = JsonDocument.Parse(text);
        return (response.StatusCode, document.RootElement.Clone());
    }
}

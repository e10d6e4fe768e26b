using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EventFlowApp.Web.Tests;

/// <summary>The ledger through HTTP on the real host and a real SQLite file: a small book, end to end.</summary>
public sealed class LedgerApiTests : IAsyncLifetime
{
    private readonly WebHostFactory _factory = new();
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_book_is_opened_posted_to_reversed_and_read_back()
    {
        var ledger = await CreateLedgerAsync();
        await PostAsync($"/api/ledgers/{ledger}/accounts", new { code = "1000", name = "Bank", type = "Asset", currency = "EUR" });
        await PostAsync($"/api/ledgers/{ledger}/accounts", new { code = "4000", name = "Sales", type = "Revenue", currency = "EUR" });

        var entry = await PostAsync($"/api/ledgers/{ledger}/entries", new
        {
            externalId = "S-1",
            effectiveDate = "2026-03-10",
            description = "Cash sale",
            lines = new object[] { new { account = "1000", debit = 120.50m }, new { account = "4000", credit = 120.50m } },
        });
        var before = await _client.GetFromJsonAsync<JsonElement>($"/api/ledgers/{ledger}", Ct);
        await PostAsync($"/api/entries/{entry.GetProperty("entryId").GetString()}/reversal", new { });
        var after = await _client.GetFromJsonAsync<JsonElement>($"/api/ledgers/{ledger}", Ct);

        Assert.Equal(1, entry.GetProperty("number").GetInt64());
        Assert.Equal(120.50m, Balance(before, "1000"));
        Assert.Equal(0m, Balance(after, "1000"));
        Assert.Equal(2, after.GetProperty("lastEntryNumber").GetInt64());
    }

    [Fact]
    public async Task The_same_idempotency_key_applies_a_request_once()
    {
        var ledger = await CreateLedgerAsync();

        var first = await PostAsync($"/api/ledgers/{ledger}/accounts", new { code = "1000", name = "Bank", type = "Asset", currency = "EUR" }, key: "k-1");
        var again = await PostAsync($"/api/ledgers/{ledger}/accounts", new { code = "1000", name = "Bank", type = "Asset", currency = "EUR" }, key: "k-1");

        Assert.False(first.GetProperty("wasDuplicate").GetBoolean());
        Assert.True(again.GetProperty("wasDuplicate").GetBoolean());
        Assert.Equal(first.GetProperty("accountId").GetString(), again.GetProperty("accountId").GetString());
    }

    [Fact]
    public async Task Retrying_a_new_entry_with_its_idempotency_key_posts_it_once()
    {
        var ledger = await CreateLedgerAsync();
        await PostAsync($"/api/ledgers/{ledger}/accounts", new { code = "1000", name = "Bank", type = "Asset", currency = "EUR" });
        await PostAsync($"/api/ledgers/{ledger}/accounts", new { code = "4000", name = "Sales", type = "Revenue", currency = "EUR" });
        var body = new
        {
            effectiveDate = "2026-03-10",
            lines = new object[] { new { account = "1000", debit = 5m }, new { account = "4000", credit = 5m } },
        };

        var first = await PostAsync($"/api/ledgers/{ledger}/entries", body, key: "sale-1");
        var again = await PostAsync($"/api/ledgers/{ledger}/entries", body, key: "sale-1");

        Assert.Equal(first.GetProperty("entryId").GetString(), again.GetProperty("entryId").GetString());
        Assert.True(again.GetProperty("wasDuplicate").GetBoolean());
        var book = await _client.GetFromJsonAsync<JsonElement>($"/api/ledgers/{ledger}", Ct);
        Assert.Equal(5m, Balance(book, "1000"));
    }

    [Fact]
    public async Task A_broken_rule_is_a_422_with_its_code_and_stores_nothing()
    {
        var ledger = await CreateLedgerAsync();
        await PostAsync($"/api/ledgers/{ledger}/accounts", new { code = "1000", name = "Bank", type = "Asset", currency = "EUR" });
        await PostAsync($"/api/ledgers/{ledger}/accounts", new { code = "4000", name = "Sales", type = "Revenue", currency = "EUR" });

        var response = await _client.PostAsJsonAsync($"/api/ledgers/{ledger}/entries", new
        {
            effectiveDate = "2026-03-10",
            lines = new object[] { new { account = "1000", debit = 100m }, new { account = "4000", credit = 90m } },
        }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("entry.unbalanced", problem.GetProperty("code").GetString());
        var book = await _client.GetFromJsonAsync<JsonElement>($"/api/ledgers/{ledger}", Ct);
        Assert.Equal(0, book.GetProperty("lastEntryNumber").GetInt64());
    }

    [Fact]
    public async Task A_malformed_id_or_a_missing_ledger_is_answered_clearly()
    {
        var malformed = await _client.GetAsync("/api/ledgers/not-an-id", Ct);
        var missing = await _client.GetAsync($"/api/ledgers/generalledger-{Guid.NewGuid()}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("generalledger-<guid>", await malformed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static decimal Balance(JsonElement ledger, string code) =>
        ledger.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("code").GetString() == code).GetProperty("balance").GetDecimal();

    private async Task<string> CreateLedgerAsync() =>
        (await PostAsync("/api/ledgers", new { name = "Acme Ltd", reportingCurrency = "EUR" })).GetProperty("ledgerId").GetString()!;

    private async Task<JsonElement> PostAsync(string url, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await _client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}

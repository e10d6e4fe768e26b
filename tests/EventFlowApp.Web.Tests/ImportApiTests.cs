using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace EventFlowApp.Web.Tests;

/// <summary>A CSV file posted as the request body: imported once, refused whole with its errors by line.</summary>
public sealed class ImportApiTests : IAsyncLifetime
{
    private const string Header = "entry_id,date,account_code,debit,credit,currency,description,reference\n";
    private readonly WebHostFactory _factory = new();
    private HttpClient _client = null!;
    private string _ledger = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient();
        var opened = await _client.PostAsJsonAsync("/api/ledgers", new { name = "Acme Ltd", reportingCurrency = "EUR" }, Ct);
        _ledger = (await opened.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("ledgerId").GetString()!;
        foreach (var (code, type) in new[] { ("1000", "Asset"), ("4000", "Revenue") })
        {
            (await _client.PostAsJsonAsync($"/api/ledgers/{_ledger}/accounts", new { code, name = code, type, currency = "EUR" }, Ct)).EnsureSuccessStatusCode();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_file_is_imported_once_and_the_same_file_again_changes_nothing()
    {
        const string csv = Header +
            "S-1,2026-03-10,1000,120.00,,EUR,\"Sale, counter\",R-1\n" +
            "S-1,2026-03-10,4000,,120.00,EUR,\"Sale, counter\",R-1\n";

        var first = await ImportAsync(csv);
        var again = await ImportAsync(csv);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal((1, 2, false), (first.Body.GetProperty("entriesImported").GetInt32(), first.Body.GetProperty("linesImported").GetInt32(), first.Body.GetProperty("wasDuplicate").GetBoolean()));
        Assert.True(again.Body.GetProperty("wasDuplicate").GetBoolean());
        var book = await _client.GetFromJsonAsync<JsonElement>($"/api/ledgers/{_ledger}", Ct);
        Assert.Equal(1, book.GetProperty("lastEntryNumber").GetInt64());
    }

    [Fact]
    public async Task A_bad_file_is_refused_whole_with_its_errors_by_line()
    {
        const string csv = Header +
            "S-1,2026-03-10,1000,50.00,,EUR,ok,\n" +
            "S-1,2026-03-10,4000,,50.00,EUR,ok,\n" +
            "S-2,2026-03-10,9999,10.00,,EUR,bad,\n" +
            "S-2,2026-03-10,4000,,10.00,EUR,bad,\n";

        var refused = await ImportAsync(csv);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        var error = Assert.Single(refused.Body.GetProperty("errors").EnumerateArray());
        Assert.Equal(4, error.GetProperty("line").GetInt32());
        Assert.Contains("9999", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var book = await _client.GetFromJsonAsync<JsonElement>($"/api/ledgers/{_ledger}", Ct);
        Assert.Equal(0, book.GetProperty("lastEntryNumber").GetInt64());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ImportAsync(string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await _client.PostAsync($"/api/ledgers/{_ledger}/imports?fileName=march.csv", content, Ct);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }
}

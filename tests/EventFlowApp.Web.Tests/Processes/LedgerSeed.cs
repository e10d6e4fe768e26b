using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace EventFlowApp.Web.Tests.Processes;

/// <summary>A book with two accounts and <c>entries</c> two-line entries, posted through the real API.</summary>
public static class LedgerSeed
{
    public static async Task<string> PostAsync(HttpClient client, int entries, CancellationToken cancellationToken)
    {
        var opened = await client.PostAsJsonAsync("/api/ledgers", new { name = "Crash Ltd", reportingCurrency = "EUR" }, cancellationToken);
        opened.EnsureSuccessStatusCode();
        var ledger = (await opened.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("ledgerId").GetString()!;
        foreach (var (code, type) in new[] { ("1000", "Asset"), ("4000", "Revenue") })
        {
            (await client.PostAsJsonAsync($"/api/ledgers/{ledger}/accounts", new { code, name = code, type, currency = "EUR" }, cancellationToken))
                .EnsureSuccessStatusCode();
        }

        var csv = new StringBuilder("entry_id,date,account_code,debit,credit,currency,description,reference\n");
        for (var i = 1; i <= entries; i++)
        {
            var amount = (i % 97) + 1;
            csv.Append(CultureInfo.InvariantCulture, $"E-{i},2026-03-{(i % 28) + 1:00},1000,{amount}.00,,EUR,sale {i},\n");
            csv.Append(CultureInfo.InvariantCulture, $"E-{i},2026-03-{(i % 28) + 1:00},4000,,{amount}.00,EUR,sale {i},\n");
        }

        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        using var imported = await client.PostAsync(new Uri($"/api/ledgers/{ledger}/imports?fileName=seed.csv", UriKind.Relative), content, cancellationToken);
        imported.EnsureSuccessStatusCode();
        return ledger;
    }

    /// <summary>The debit total the seed posts, for checking sums.</summary>
    public static long DebitTotal(int entries) => Enumerable.Range(1, entries).Sum(i => (long)(i % 97) + 1);
}

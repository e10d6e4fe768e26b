using System.Globalization;
using System.Text.Json;

namespace EventFlowApp.Bench.Rebuild;

/// <summary>
/// The raw baseline's fold: parses only the payloads it needs (<c>AccountOpened</c>, <c>JournalEntryPosted</c>)
/// into small records of the fields it uses, and turns them into balance and line rows. Reporting amounts
/// follow the read models' first two rules (account or line in the reporting currency); the bench's data is
/// all in one currency, so the third (a rate recorded on another line) never applies and is left out.
/// </summary>
public static class RawPayloads
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void FoldBalance(Dictionary<string, BalanceRow> balances, HashSet<BalanceRow> touched, RawEvent e)
    {
        switch (e.EventName)
        {
            case "AccountOpened":
                var opened = JsonSerializer.Deserialize<Opened>(e.Data, Json)!;
                var row = new BalanceRow
                {
                    AccountId = opened.AccountId, LedgerId = e.AggregateId, Code = opened.Code, Name = opened.Name, Type = opened.Type,
                    Currency = opened.Currency, OpenedPosition = e.Position, LastPosition = e.Position,
                };
                balances[row.AccountId] = row;
                touched.Add(row);
                break;
            case "JournalEntryPosted":
                var posted = JsonSerializer.Deserialize<Posted>(e.Data, Json)!;
                foreach (var line in posted.Lines)
                {
                    var account = balances[line.AccountId];
                    var signed = line.Side == "Debit" ? line.AccountAmount : -line.AccountAmount;
                    account.Balance += signed;
                    account.ReportingCurrency = posted.ReportingCurrency ?? account.ReportingCurrency;
                    if (Reporting(line, posted.ReportingCurrency) is { } reporting)
                    {
                        account.ReportingBalance += line.Side == "Debit" ? reporting : -reporting;
                    }
                    else
                    {
                        account.UnconvertedLines++;
                    }

                    account.LastPosition = e.Position;
                    touched.Add(account);
                }

                break;
        }
    }

    public static void AddLines(List<LineRow> rows, RawEvent e)
    {
        if (e.EventName != "JournalEntryPosted")
        {
            return;
        }

        var posted = JsonSerializer.Deserialize<Posted>(e.Data, Json)!;
        var period = posted.EffectiveDate.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        for (var i = 0; i < posted.Lines.Length; i++)
        {
            var line = posted.Lines[i];
            var debit = line.Side == "Debit";
            var reporting = Reporting(line, posted.ReportingCurrency);
            rows.Add(new LineRow
            {
                Id = $"{e.AggregateId}/{(i + 1).ToString(CultureInfo.InvariantCulture)}", LedgerId = posted.LedgerId, EntryId = e.AggregateId,
                EntryNumber = posted.Number, LineNumber = i + 1, AccountCode = line.AccountCode, EffectiveDate = posted.EffectiveDate, Period = period,
                Description = posted.Description, Reference = posted.Reference ?? "",
                Debit = debit ? line.AccountAmount : 0m, Credit = debit ? 0m : line.AccountAmount,
                AccountCurrency = line.AccountCurrency, LineAmount = line.Amount, LineCurrency = line.Currency, Rate = line.Rate?.Rate ?? 0m,
                ReportingDebit = debit ? reporting ?? 0m : 0m, ReportingCredit = debit ? 0m : reporting ?? 0m,
                ReportingCurrency = posted.ReportingCurrency ?? "", ReportingConverted = reporting is not null,
                ReversalOfEntryId = posted.ReversalOf ?? "", RecordedPosition = e.Position, RecordedAt = e.TimestampUtc,
            });
        }
    }

    private static decimal? Reporting(Line line, string? reportingCurrency) =>
        reportingCurrency is null ? null
        : line.AccountCurrency == reportingCurrency ? line.AccountAmount
        : line.Currency == reportingCurrency ? line.Amount
        : null;

    private sealed record Opened(string AccountId, string Code, string Name, string Type, string Currency);

    private sealed record RecordedRate(decimal Rate);

    private sealed record Line(string AccountId, string AccountCode, string Side, decimal Amount, string Currency, decimal AccountAmount, string AccountCurrency, RecordedRate? Rate);

    private sealed record Posted(
        string LedgerId, long Number, DateOnly EffectiveDate, string Description, string? Reference, Line[] Lines, string? ReversalOf, string? ReportingCurrency);
}

/// <summary>The columns of an event row the raw baseline reads.</summary>
public sealed record RawEvent(long Position, string EventName, string AggregateId, string Data, DateTime TimestampUtc);

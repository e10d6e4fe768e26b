using System.Text;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Import;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Periods;
using EventFlowApp.Ledger.Tests.Support;

namespace EventFlowApp.Ledger.Tests.Import;

public sealed class ImportingEntriesTests : IAsyncLifetime
{
    private const string Header = "entry_id,date,account_code,debit,credit,currency,description,reference";
    private readonly CountingRateProvider _rates = new();
    private readonly LedgerHost _host;

    public ImportingEntriesTests() => _host = new LedgerHost(_rates);

    public async ValueTask InitializeAsync()
    {
        await _host.SendAsync(new OpenLedger(_host.LedgerId, "Acme Ltd", Currency.EUR));
        await _host.OpenAccountAsync("1000", AccountType.Asset);
        await _host.OpenAccountAsync("1010", AccountType.Asset, Currency.USD);
        await _host.OpenAccountAsync("4000", AccountType.Revenue);
        await _host.OpenAccountAsync("6000", AccountType.Expense);
    }

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Sale(string id, decimal amount, string date = "2026-03-10") =>
        $"{id},{date},1000,{amount},,EUR,Sale {id},R-{id}\n{id},{date},4000,,{amount},EUR,Sale {id},R-{id}";

    private Task<ImportResult> ImportAsync(string name, params string[] lines) =>
        _host.Bus.PublishAsync(new ImportJournalEntries(_host.LedgerId, name, Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", lines) + "\n")), LedgerHost.Ct);

    private async Task<decimal> BalanceAsync(string code) =>
        (await _host.LedgerAsync()).State.Accounts[AccountId.For(_host.LedgerId, code).Value].Balance;

    private JournalEntryId Entry(string id) => JournalEntryId.For(_host.LedgerId, id);

    [Fact]
    public async Task A_file_posts_its_entries_with_the_next_numbers_in_one_commit()
    {
        var before = (await _host.AllEventsAsync()).Count;

        var result = await ImportAsync("march.csv", Sale("S1", 100m), Sale("S2", 20.5m));

        Assert.True(result.IsSuccess);
        Assert.Equal((2, 4, 0, 0, 1L, 2L), (result.EntriesImported, result.LinesImported, result.EntriesSkipped, result.LinesSkipped, result.FirstNumber, result.LastNumber));
        Assert.Equal(120.5m, await BalanceAsync("1000"));
        var posted = (await _host.EntryAsync(Entry("S2"))).State;
        Assert.Equal((2L, "Sale S2", "R-S2", new DateOnly(2026, 3, 10)), (posted.Number, posted.Description, posted.Reference, posted.EffectiveDate));
        var appended = (await _host.AllEventsAsync()).Skip(before).ToList();
        Assert.Equal(4, appended.Count);
        Assert.Single(appended.Select(e => e.Metadata.SourceId).Distinct());
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_says_so()
    {
        var first = await ImportAsync("march.csv", Sale("S1", 100m), Sale("S2", 20m));
        var events = (await _host.AllEventsAsync()).Count;

        var again = await ImportAsync("march-copy.csv", Sale("S1", 100m), Sale("S2", 20m));

        Assert.False(first.WasDuplicate);
        Assert.True(again.WasDuplicate);
        Assert.Equal(2, again.EntriesImported);
        Assert.Equal(events, (await _host.AllEventsAsync()).Count);
        Assert.Equal(120m, await BalanceAsync("1000"));
    }

    [Fact]
    public async Task A_file_overlapping_an_earlier_import_posts_only_the_new_entries()
    {
        await ImportAsync("a.csv", Sale("S1", 100m), Sale("S2", 20m));

        var result = await ImportAsync("b.csv", Sale("S2", 20m), Sale("S3", 3m));

        Assert.Equal((1, 2, 1, 2), (result.EntriesImported, result.LinesImported, result.EntriesSkipped, result.LinesSkipped));
        Assert.Equal(123m, await BalanceAsync("1000"));
        Assert.Equal(3, (await _host.EntryAsync(Entry("S3"))).State.Number);
        Assert.Equal(1, (await _host.EntryAsync(Entry("S2"))).Version);
    }

    [Fact]
    public async Task Every_error_is_reported_with_its_line_and_nothing_is_stored()
    {
        var before = (await _host.AllEventsAsync()).Count;

        var result = await ImportAsync(
            "bad.csv",
            Sale("S1", 100m),                                   // 2-3: fine
            "S2,2026-03-10,1000,10,,EUR,x,\nS2,2026-03-10,9999,,10,EUR,x,", // 5: no account 9999
            "S3,2026-03-10,1000,10,,EUR,x,\nS3,2026-03-10,4000,,9,EUR,x,",  // 6-7: unbalanced
            "S4,2026-03-10,1000,10,,EUR,x,",                    // 8: one line only
            "S5,2026-03-10,1000,10,,EUR,x,\nS5,2026-03-10,4000,,10,GBP,x,"); // 9-10: unbalanced per currency (GBP line priced into EUR)

        Assert.False(result.IsSuccess);
        Assert.Equal([5, 6, 8, 9], result.Problems.Select(p => p.Line));
        Assert.Contains("9999", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("lines 6, 7", result.Problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("does not balance", result.Problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("at least 2", result.Problems[2].Message, StringComparison.Ordinal);
        Assert.Equal(result.Problems.Select(p => p.ToString()), result.Errors);
        Assert.Equal(before, (await _host.AllEventsAsync()).Count);
        Assert.True((await _host.EntryAsync(Entry("S1"))).IsNew);
    }

    [Fact]
    public async Task Bad_lines_and_ledger_problems_are_reported_together_without_spurious_errors_for_the_damaged_entry()
    {
        var result = await ImportAsync(
            "mixed.csv",
            "S1,2026-03-10,1000,10,,EUR,x,\nS1,2026-03-10,4000,,1O,EUR,x,", // 3: a letter O in the amount (S1 is left out, not "unbalanced")
            "S2,2026-03-10,1000,10,,EUR,x,\nS2,2026-03-10,9999,,10,EUR,x,"); // 5: unknown account

        Assert.Equal([3, 5], result.Problems.Select(p => p.Line));
        Assert.Contains("'1O' is not an amount", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("9999", result.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_file_is_not_remembered_so_the_corrected_file_imports()
    {
        var refused = await ImportAsync("x.csv", Sale("S1", 100m), "S2,2026-03-10,1000,10,,EUR,x,");
        var fixedFile = await ImportAsync("x.csv", Sale("S1", 100m), Sale("S2", 10m));

        Assert.False(refused.IsSuccess);
        Assert.True(fixedFile.IsSuccess);
        Assert.Equal(2, fixedFile.EntriesImported);
    }

    [Fact]
    public async Task Foreign_currency_lines_are_priced_with_one_rate_question_per_pair_and_date()
    {
        _rates.Asked.Clear();

        var result = await ImportAsync(
            "usd.csv",
            "U1,2026-03-10,6000,100,,USD,Licence,\nU1,2026-03-10,1010,,100,USD,Licence,",
            "U2,2026-03-10,6000,50,,USD,Licence,\nU2,2026-03-10,1000,,46,EUR,Licence,\nU2,2026-03-10,1000,,50,USD,Licence,\nU2,2026-03-10,6000,46,,EUR,Licence,",
            "U3,2026-03-11,6000,10,,USD,Licence,\nU3,2026-03-11,1010,,10,USD,Licence,");

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.Equal([(Currency.USD, Currency.EUR, new DateOnly(2026, 3, 10)), (Currency.USD, Currency.EUR, new DateOnly(2026, 3, 11))], _rates.Asked);
        var line = (await _host.EntryAsync(Entry("U1"))).State.Lines[0];
        Assert.Equal((92.00m, 0.92m), (line.AccountAmount, line.Rate!.Rate));
        Assert.Equal(-110m, await BalanceAsync("1010"));
        Assert.Equal(92m + 46m + 46m + 9.2m, await BalanceAsync("6000"));
    }

    [Fact]
    public async Task An_entry_posted_by_someone_else_during_the_import_is_skipped_on_the_retry()
    {
        var cash = AccountId.For(_host.LedgerId, "1000");
        var sales = AccountId.For(_host.LedgerId, "4000");
        _rates.BeforeNextAnswer = () => _host.PostAsync(Entry("S1"), new DateOnly(2026, 3, 10), LedgerHost.Debit(cash, 7m), LedgerHost.Credit(sales, 7m));

        var result = await ImportAsync("race.csv", Sale("S1", 100m), "U1,2026-03-10,6000,10,,USD,x,\nU1,2026-03-10,1010,,10,USD,x,");

        Assert.Equal((1, 1), (result.EntriesImported, result.EntriesSkipped));
        Assert.Equal(7m, await BalanceAsync("1000"));
        Assert.Equal(2, (await _host.EntryAsync(Entry("U1"))).State.Number);
    }

    [Fact]
    public async Task A_missing_rate_is_an_error_of_the_line()
    {
        var result = await ImportAsync("jpy.csv", "J1,2026-03-10,6000,100,,JPY,x,\nJ1,2026-03-10,1000,,100,JPY,x,");

        Assert.Equal([2, 3], result.Problems.Select(p => p.Line));
        Assert.Contains("JPY/EUR", result.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_in_a_closed_period_refuses_the_file_naming_its_line_and_period()
    {
        await _host.SendAsync(new ClosePeriod(_host.LedgerId, new Period(2026, 2)));

        var result = await ImportAsync("late.csv", Sale("S1", 100m), Sale("S2", 5m, "2026-02-27"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(4, problem.Line);
        Assert.Contains("2026-02 is closed", problem.Message, StringComparison.Ordinal);
        Assert.True((await _host.EntryAsync(Entry("S1"))).IsNew);
    }

    [Fact]
    public async Task A_line_on_a_closed_account_is_named()
    {
        var closed = await _host.OpenAccountAsync("1999", AccountType.Asset);
        await _host.SendAsync(new CloseAccount(_host.LedgerId, closed));

        var result = await ImportAsync("c.csv", "S1,2026-03-10,1000,5,,EUR,x,\nS1,2026-03-10,1999,,5,EUR,x,");

        Assert.Equal(3, Assert.Single(result.Problems).Line);
        Assert.Contains("1999 is closed", result.Problems[0].Message, StringComparison.Ordinal);
    }
}

using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Tests.Import;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Support.LedgerHost;

namespace EventFlowApp.Ledger.Tests.Reports;

/// <summary>
/// Reports in the reporting currency (EUR) use the amounts and rates recorded in the entries (USD 0.92,
/// GBP 1.17): rebuilding the read models and producing the reports never asks the rate provider.
/// </summary>
public sealed class ForeignCurrencyReportsSpec : IDisposable
{
    private static readonly DateOnly Mar31 = new(2026, 3, 31);
    private readonly CountingRateProvider _rates = new();
    private readonly ReportHost _reports;

    public ForeignCurrencyReportsSpec() => _reports = new ReportHost(new LedgerHost(_rates));

    public void Dispose() => _reports.Dispose();

    private async Task<(AccountId BankUsd, JournalEntryId UsdEntry)> GivenForeignEntriesAsync()
    {
        var bankEur = await _reports.AccountAsync("1000", AccountType.Asset);
        var bankUsd = await _reports.AccountAsync("1010", AccountType.Asset, Currency.USD);
        var sales = await _reports.AccountAsync("4000", AccountType.Revenue);
        var expenses = await _reports.AccountAsync("6000", AccountType.Expense);
        // 33.33 USD x 0.92 = 30.6636, posted as 30.66 EUR to the expense account; the USD bank line is worth the same.
        var usd = await _reports.PostAsync(new DateOnly(2026, 3, 10), "US licence", Debit(expenses, 33.33m, Currency.USD), Credit(bankUsd, 33.33m, Currency.USD));
        // 50 GBP x 1.17 = 58.50 EUR on both (EUR) accounts.
        await _reports.PostAsync(new DateOnly(2026, 3, 11), "UK sale", Debit(bankEur, 50.00m, Currency.GBP), Credit(sales, 50.00m, Currency.GBP));
        return (bankUsd, usd);
    }

    [Fact]
    public async Task The_trial_balance_is_in_the_reporting_currency_with_each_account_balance_in_its_own()
    {
        await GivenForeignEntriesAsync();

        var tb = await _reports.TrialBalanceAsync(Mar31);

        Assert.Equal(
            [("1000", "EUR", 58.50m, 58.50m, 0m), ("1010", "USD", -33.33m, 0m, 30.66m), ("4000", "EUR", -58.50m, 0m, 58.50m), ("6000", "EUR", 30.66m, 30.66m, 0m)],
            tb.Lines.Select(l => (l.Code, l.Currency, l.Balance, l.Debit, l.Credit)));
        Assert.Equal((89.16m, 89.16m, 0), (tb.TotalDebit, tb.TotalCredit, tb.UnconvertedLines));
    }

    [Fact]
    public async Task Rebuilding_and_reporting_never_ask_the_rate_provider_and_a_reversal_cancels_exactly()
    {
        var (_, usd) = await GivenForeignEntriesAsync();
        var asked = _rates.Asked.Count;

        var first = Json.Of(await _reports.TrialBalanceAsync(Mar31));
        await _reports.RebuildAllAsync();
        var again = Json.Of(await _reports.TrialBalanceAsync(Mar31));
        await _reports.Host.SendAsync(new ReverseJournalEntry(usd, JournalEntryId.New));
        var reversed = await _reports.TrialBalanceAsync(Mar31);

        Assert.Equal(first, again);
        Assert.Equal(asked, _rates.Asked.Count);
        var bank = reversed.Lines.Single(l => l.Code == "1010");
        Assert.Equal((0m, 0m, 0m), (bank.Balance, bank.Debit, bank.Credit));
        Assert.Equal((58.50m, 58.50m), (reversed.TotalDebit, reversed.TotalCredit));
    }

    [Fact]
    public async Task The_statement_of_a_foreign_account_runs_in_its_currency_beside_the_reporting_amounts()
    {
        await GivenForeignEntriesAsync();

        var statement = await _reports.StatementAsync("1010", new DateOnly(2026, 3, 1), Mar31);

        var line = Assert.Single(statement.Lines);
        Assert.Equal(("USD", 33.33m, -33.33m, 30.66m), (statement.Currency, line.Credit, line.Balance, line.ReportingCredit));
        Assert.Equal((-33.33m, -30.66m), (statement.ClosingBalance, statement.ClosingReportingBalance));
    }

    [Fact]
    public async Task Lines_with_no_recorded_rate_to_the_reporting_currency_are_counted_not_guessed()
    {
        var (bankUsd, _) = await GivenForeignEntriesAsync();
        var loanUsd = await _reports.AccountAsync("2010", AccountType.Liability, Currency.USD);
        await _reports.PostAsync(new DateOnly(2026, 3, 12), "USD loan", Debit(bankUsd, 1000.00m, Currency.USD), Credit(loanUsd, 1000.00m, Currency.USD));

        var tb = await _reports.TrialBalanceAsync(Mar31);

        Assert.Equal(2, tb.UnconvertedLines);
        Assert.Equal(("2010", -1000m, 0m, 0m), tb.Lines.Where(l => l.Code == "2010").Select(l => (l.Code, l.Balance, l.Debit, l.Credit)).Single());
        Assert.Equal(966.67m, tb.Lines.Single(l => l.Code == "1010").Balance);
    }
}

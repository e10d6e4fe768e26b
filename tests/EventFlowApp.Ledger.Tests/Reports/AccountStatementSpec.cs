using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Reports.SmallLedger;

namespace EventFlowApp.Ledger.Tests.Reports;

public sealed class AccountStatementSpec : IDisposable
{
    private readonly ReportHost _reports = new();

    public void Dispose() => _reports.Dispose();

    [Fact]
    public async Task A_statement_opens_with_the_balance_before_it_lists_the_lines_in_order_and_closes_with_the_running_balance()
    {
        await SmallLedger.CreateAsync(_reports);

        var statement = await _reports.StatementAsync("1000", new DateOnly(2026, 1, 10), Feb28);

        // Opening: E1's 10000 (5 January). Then E2 -1500 and E4 +2500.
        Assert.Equal(10000m, statement.OpeningBalance);
        Assert.Equal(
            [(new DateOnly(2026, 1, 20), 2L, 2, "rent", 0m, 1500m, 8500m), (new DateOnly(2026, 2, 25), 4L, 1, "receipt", 2500m, 0m, 11000m)],
            statement.Lines.Select(l => (l.EffectiveDate, l.EntryNumber, l.LineNumber, l.Description, l.Debit, l.Credit, l.Balance)));
        Assert.Equal((2500m, 1500m, 11000m), (statement.TotalDebit, statement.TotalCredit, statement.ClosingBalance));
        Assert.Equal((10000m, 11000m), (statement.OpeningReportingBalance, statement.ClosingReportingBalance));
        Assert.Equal(("Account 1000", "EUR"), (statement.Name, statement.Currency));
    }

    [Fact]
    public async Task Lines_on_the_same_day_follow_the_entry_numbers()
    {
        var book = await SmallLedger.CreateAsync(_reports);
        await _reports.PostAsync(new DateOnly(2026, 1, 5), "second on the 5th", LedgerHost.Debit(book.Bank, 1.00m), LedgerHost.Credit(book.Capital, 1.00m));

        var statement = await _reports.StatementAsync("1000", new DateOnly(2026, 1, 1), Jan31);

        Assert.Equal([1L, 6L, 2L], statement.Lines.Select(l => l.EntryNumber));
        Assert.Equal((0m, 8501m), (statement.OpeningBalance, statement.ClosingBalance));
    }

    [Fact]
    public async Task A_statement_of_an_unknown_account_or_with_dates_the_wrong_way_round_is_refused()
    {
        await SmallLedger.CreateAsync(_reports);

        Assert.Equal("account.not_found", (await Assert.ThrowsAsync<DomainError>(() => _reports.StatementAsync("9999", Jan31, Feb28))).Code);
        Assert.Equal("report.dates_invalid", (await Assert.ThrowsAsync<DomainError>(() => _reports.StatementAsync("1000", Feb28, Jan31))).Code);
    }
}

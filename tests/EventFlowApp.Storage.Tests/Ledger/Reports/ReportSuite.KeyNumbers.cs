using EventFlowApp.Ledger.Reports;
using EventFlowApp.Ledger.Reports.AccountStatements;
using EventFlowApp.Ledger.Reports.Ageing;
using EventFlowApp.Ledger.Reports.BalanceSheets;
using EventFlowApp.Ledger.Reports.IncomeStatements;
using EventFlowApp.Ledger.Reports.TrialBalances;
using static EventFlowApp.Storage.Tests.Ledger.Reports.MixedLedgerHistory;

namespace EventFlowApp.Storage.Tests.Ledger.Reports;

/// <summary>The figures worked out by hand from <see cref="MixedLedgerHistory"/> (USD at 0.92, GBP at 1.17 EUR).</summary>
public abstract partial class ReportSuite
{
    private static readonly DateOnly AprilEnd = new(2026, 4, 30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_trial_balance_has_the_hand_checked_balances()
    {
        var now = await Provider.Get<TrialBalanceReport>().ProduceAsync(_history.LedgerId, AprilEnd, null, Ct);
        var then = await Provider.Get<TrialBalanceReport>().ProduceAsync(_history.LedgerId, AprilEnd, KnownAtCut, Ct);

        // Bank: 20,000 - 920 (1,000 USD) - 300 - 45.67 - 700 + 1,000 - 1,500. Payables hold 79.90 of credit (paid 1,000 for 800.10 + 120).
        Assert.Equal(
            [(Bank, 17534.33m, 0m), (BankUsd, 920.00m, 0m), (Receivables, 1500.00m, 0m), (Payables, 79.90m, 0m),
             (Capital, 0m, 20000.00m), (Sales, 0m, 2500.00m), (Expenses, 2465.77m, 0m)],
            now.Lines.Select(l => (l.Code, l.Debit, l.Credit)));
        Assert.Equal((22500.00m, 22500.00m, 0), (now.TotalDebit, now.TotalCredit, now.UnconvertedLines));
        Assert.Equal(1000.00m, now.Lines.Single(l => l.Code == BankUsd).Balance);

        // Before the cut: no fee, no reversals (the USD licence still paid: 123.45 USD = 113.57 EUR), one payment of 300.
        Assert.Equal(876.55m, then.Lines.Single(l => l.Code == BankUsd).Balance);
        Assert.Equal(
            [(Bank, 18780.00m), (BankUsd, 806.43m), (Receivables, 2616.99m), (Payables, -500.10m), (Capital, -20000.00m), (Sales, -2616.99m), (Expenses, 913.67m)],
            then.Lines.Select(l => (l.Code, l.Debit - l.Credit)));
        Assert.Equal((23117.09m, 23117.09m), (then.TotalDebit, then.TotalCredit));
    }

    [Fact]
    public async Task The_income_statement_and_balance_sheet_have_the_hand_checked_totals()
    {
        var income = await Provider.Get<IncomeStatementReport>().ProduceAsync(_history.LedgerId, new(2026, 1, 1), AprilEnd, null, Ct);
        var february = await Provider.Get<IncomeStatementReport>().ProduceAsync(_history.LedgerId, new(2026, 2, 1), new(2026, 2, 28), KnownAtCut, Ct);
        var sheet = await Provider.Get<BalanceSheetReport>().ProduceAsync(_history.LedgerId, AprilEnd, null, Ct);

        Assert.Equal((2500.00m, 2465.77m, 34.23m), (income.TotalRevenue, income.TotalExpenses, income.Result));
        Assert.Equal((2616.99m, 0.00m, 2616.99m), (february.TotalRevenue, february.TotalExpenses, february.Result));
        Assert.Equal([(Sales, 2616.99m)], february.Revenue.Select(r => (r.Code, r.Amount)));
        Assert.Equal((19954.33m, -79.90m, 34.23m, 20034.23m), (sheet.TotalAssets, sheet.TotalLiabilities, sheet.CurrentResult, sheet.TotalEquity));
        Assert.Equal(sheet.TotalAssets, sheet.TotalLiabilitiesAndEquity);
    }

    [Fact]
    public async Task The_bank_statement_has_the_hand_checked_lines_and_balances()
    {
        var statement = await Provider.Get<AccountStatementReport>().ProduceAsync(_history.LedgerId, Bank, new(2026, 2, 1), new(2026, 2, 28), null, Ct);

        // Opening: 20,000 less the 920 EUR paid for 1,000 USD. Then the back-dated fee (entry 8) and the first payment (entry 7).
        Assert.Equal(19080.00m, statement.OpeningBalance);
        Assert.Equal(
            [(new DateOnly(2026, 2, 3), 8L, 45.67m, 19034.33m), (new DateOnly(2026, 2, 20), 7L, 300.00m, 18734.33m)],
            statement.Lines.Select(l => (l.EffectiveDate, l.EntryNumber, l.Credit, l.Balance)));
        Assert.Equal((345.67m, 18734.33m), (statement.TotalCredit, statement.ClosingBalance));
    }

    [Fact]
    public async Task The_ageing_reports_have_the_hand_checked_buckets()
    {
        var ageing = Provider.Get<AgeingReportQuery>();
        var suppliersFebruary = await ageing.ProduceAsync(_history.LedgerId, CounterpartyKind.Supplier, new(2026, 2, 28), null, Ct);
        var suppliersMarch = await ageing.ProduceAsync(_history.LedgerId, CounterpartyKind.Supplier, new(2026, 3, 31), null, Ct);
        var customersMarch = await ageing.ProduceAsync(_history.LedgerId, CounterpartyKind.Customer, new(2026, 3, 31), null, Ct);
        var customersMarchThen = await ageing.ProduceAsync(_history.LedgerId, CounterpartyKind.Customer, new(2026, 3, 31), KnownAtCut, Ct);

        // B-1: 800.10 less 300, 19 days overdue; B-2 (back-dated, due 10 March) not yet due. In March both are settled.
        var paper = Assert.Single(suppliersFebruary.Counterparties);
        Assert.Equal([("B-1", 500.10m, 19, AgeingBucketRules.Days1To30), ("B-2", 120.00m, -10, AgeingBucketRules.Current)],
            paper.Items.Select(i => (i.Number, i.Outstanding, i.DaysOverdue, i.Bucket)));
        Assert.Equal((120.00m, 500.10m, 620.10m), (paper.Buckets.Current, paper.Buckets.Days1To30, paper.Buckets.Total));
        Assert.Empty(suppliersMarch.Counterparties);

        // INV-1: 2,500 due 3 March, 1,000 received on 15 March (after the cut).
        Assert.Equal((1500.00m, 28), (customersMarch.Totals.Single().Buckets.Days1To30, customersMarch.Counterparties.Single().Items.Single().DaysOverdue));
        Assert.Equal(2500.00m, customersMarchThen.Totals.Single().Buckets.Days1To30);
    }
}

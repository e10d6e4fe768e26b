using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Support.LedgerHost;

namespace EventFlowApp.Ledger.Tests.Reports;

/// <summary>
/// A small EUR book whose reports are worked out by hand in the specs:
/// <code>
/// E1 2026-01-05 capital   Dr 1000 Bank 10000.00  Cr 3000 Capital     10000.00
/// E2 2026-01-20 rent      Dr 6000 Rent  1500.00  Cr 1000 Bank         1500.00
/// E3 2026-02-10 sale      Dr 1100 Recv  4000.00  Cr 4000 Sales        4000.00
/// E4 2026-02-25 receipt   Dr 1000 Bank  2500.00  Cr 1100 Recv         2500.00
/// E5 2026-03-03 accrual   Dr 6000 Rent  1500.00  Cr 2000 Payables     1500.00
/// </code>
/// </summary>
public sealed class SmallLedger
{
    public static readonly DateOnly Jan31 = new(2026, 1, 31);
    public static readonly DateOnly Feb28 = new(2026, 2, 28);
    public static readonly DateOnly Mar31 = new(2026, 3, 31);

    private SmallLedger(ReportHost reports) => Reports = reports;

    public ReportHost Reports { get; }

    public AccountId Bank { get; private set; } = null!;

    public AccountId Receivables { get; private set; } = null!;

    public AccountId Payables { get; private set; } = null!;

    public AccountId Capital { get; private set; } = null!;

    public AccountId Sales { get; private set; } = null!;

    public AccountId Rent { get; private set; } = null!;

    public JournalEntryId Sale { get; private set; } = null!;

    public static async Task<SmallLedger> CreateAsync(ReportHost reports)
    {
        var book = new SmallLedger(reports);
        book.Bank = await reports.AccountAsync("1000", AccountType.Asset);
        book.Receivables = await reports.AccountAsync("1100", AccountType.Asset);
        book.Payables = await reports.AccountAsync("2000", AccountType.Liability);
        book.Capital = await reports.AccountAsync("3000", AccountType.Equity);
        book.Sales = await reports.AccountAsync("4000", AccountType.Revenue);
        book.Rent = await reports.AccountAsync("6000", AccountType.Expense);

        await reports.PostAsync(new DateOnly(2026, 1, 5), "capital", Debit(book.Bank, 10000.00m), Credit(book.Capital, 10000.00m));
        await reports.PostAsync(new DateOnly(2026, 1, 20), "rent", Debit(book.Rent, 1500.00m), Credit(book.Bank, 1500.00m));
        book.Sale = await reports.PostAsync(new DateOnly(2026, 2, 10), "sale", Debit(book.Receivables, 4000.00m), Credit(book.Sales, 4000.00m));
        await reports.PostAsync(new DateOnly(2026, 2, 25), "receipt", Debit(book.Bank, 2500.00m), Credit(book.Receivables, 2500.00m));
        await reports.PostAsync(new DateOnly(2026, 3, 3), "accrual", Debit(book.Rent, 1500.00m), Credit(book.Payables, 1500.00m));
        return book;
    }
}

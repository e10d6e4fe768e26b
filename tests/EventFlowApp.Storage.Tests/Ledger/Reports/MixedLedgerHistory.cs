using EventFlowApp.Kernel.Commands;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Payables;
using EventFlowApp.Ledger.Periods;
using EventFlowApp.Ledger.Receivables;
using EventFlowApp.Ledger.SubLedgers;

namespace EventFlowApp.Storage.Tests.Ledger.Reports;

/// <summary>
/// A small but realistic EUR book, the same commands (and ids) for every host it is run on: capital, a USD
/// bank account funded at a recorded rate, a USD expense, a GBP sale, a bill, an invoice, payments, a closed
/// January; then, after <see cref="Cut"/>, what changes the past: a back-dated fee, a reversal into closed
/// January (it lands on 1 February), a reversal on a chosen date, a payment that leaves credit, credit
/// applied, a customer payment, a closed February, and April's rent.
/// </summary>
public sealed class MixedLedgerHistory
{
    public const string Bank = "1000";
    public const string BankUsd = "1010";
    public const string Receivables = "1100";
    public const string Payables = "2000";
    public const string Capital = "3000";
    public const string Sales = "4000";
    public const string Expenses = "6000";

    public static readonly string[] Codes = [Bank, BankUsd, Receivables, Payables, Capital, Sales, Expenses];

    public GeneralLedgerId LedgerId { get; } = GeneralLedgerId.New;

    public SupplierId Supplier { get; } = SupplierId.New;

    public CustomerId Customer { get; } = CustomerId.New;

    /// <summary>The last position before the events that change the past, and the time it was recorded.</summary>
    public (long Position, DateTimeOffset Time) Cut { get; private set; }

    private AccountId Account(string code) => AccountId.For(LedgerId, code);

    private JournalEntryId Entry(string name) => JournalEntryId.For(LedgerId, name);

    /// <summary>Runs the history on <paramref name="host"/>; every host given the same instance ends with the same events.</summary>
    public async Task RunAsync(LedgerReportHost host)
    {
        foreach (var command in Before())
        {
            await host.SendAsync(command);
        }

        Cut = (await host.PositionAsync(), host.Clock.GetUtcNow());
        foreach (var command in After())
        {
            await host.SendAsync(command);
        }
    }

    /// <summary>The book and its chart, before any posting.</summary>
    public IEnumerable<ICommand> Chart()
    {
        yield return new OpenLedger(LedgerId, "Acme Ltd", Currency.EUR);
        yield return new OpenAccount(LedgerId, Bank, "Bank", AccountType.Asset, Currency.EUR);
        yield return new OpenAccount(LedgerId, BankUsd, "Bank USD", AccountType.Asset, Currency.USD);
        yield return new OpenAccount(LedgerId, Receivables, "Receivables", AccountType.Asset, Currency.EUR);
        yield return new OpenAccount(LedgerId, Payables, "Payables", AccountType.Liability, Currency.EUR);
        yield return new OpenAccount(LedgerId, Capital, "Capital", AccountType.Equity, Currency.EUR);
        yield return new OpenAccount(LedgerId, Sales, "Sales", AccountType.Revenue, Currency.EUR);
        yield return new OpenAccount(LedgerId, Expenses, "Expenses", AccountType.Expense, Currency.EUR);
        yield return new RegisterSupplier(Supplier, LedgerId, "Paper Co", Currency.EUR, Account(Payables));
        yield return new RegisterCustomer(Customer, LedgerId, "Buyer plc", Currency.EUR, Account(Receivables));
    }

    private IEnumerable<ICommand> Before()
    {
        foreach (var command in Chart())
        {
            yield return command;
        }

        yield return Post("capital", new(2026, 1, 2), "capital", "C-1", Debit(Bank, 20000m), Credit(Capital, 20000m));
        yield return Post("usd-float", new(2026, 1, 3), "USD float", null, Debit(BankUsd, 1000m, Currency.USD), Credit(Bank, 1000m, Currency.USD));
        yield return Post("licence", new(2026, 1, 20), "US licence", null, Debit(Expenses, 123.45m, Currency.USD), Credit(BankUsd, 123.45m, Currency.USD));
        yield return new ReceiveBill(Supplier, "b1", "B-1", 800.10m, new(2026, 1, 10), new(2026, 2, 9), Account(Expenses), "paper");
        yield return new IssueInvoice(Customer, "i1", "INV-1", 2500m, new(2026, 2, 1), new(2026, 3, 3), Account(Sales));
        yield return Post("uk-sale", new(2026, 2, 14), "UK sale", null, Debit(Receivables, 99.99m, Currency.GBP), Credit(Sales, 99.99m, Currency.GBP));
        yield return new PaySupplier(Supplier, "p1", 300m, new(2026, 2, 20), Account(Bank));
        yield return new ClosePeriod(LedgerId, new Period(2026, 1));
    }

    private IEnumerable<ICommand> After()
    {
        yield return Post("late-fee", new(2026, 2, 3), "late February fee", null, Debit(Expenses, 45.67m), Credit(Bank, 45.67m));
        yield return new ReverseJournalEntry(Entry("licence"), Entry("licence-reversal"));
        yield return new ReverseJournalEntry(Entry("uk-sale"), Entry("uk-sale-reversal"), new DateOnly(2026, 3, 1), "sale cancelled");
        yield return new PaySupplier(Supplier, "p2", 700m, new(2026, 3, 5), Account(Bank));
        yield return new ReceiveBill(Supplier, "b2", "B-2", 120m, new(2026, 2, 25), new(2026, 3, 10), Account(Expenses));
        yield return new ApplySupplierCredit(Supplier, new(2026, 3, 6));
        yield return new ReceivePayment(Customer, "r1", 1000m, new(2026, 3, 15), Account(Bank), [new Allocation("i1", 1000m)]);
        yield return new ClosePeriod(LedgerId, new Period(2026, 2));
        yield return Post("rent", new(2026, 4, 2), "April rent", null, Debit(Expenses, 1500m), Credit(Bank, 1500m));
    }

    private PostJournalEntry Post(string name, DateOnly date, string description, string? reference, params JournalLineInput[] lines) =>
        new(Entry(name), LedgerId, date, description, reference, lines);

    private JournalLineInput Debit(string code, decimal amount, Currency? currency = null) => new(Account(code), Side.Debit, amount, currency ?? Currency.EUR);

    private JournalLineInput Credit(string code, decimal amount, Currency? currency = null) => new(Account(code), Side.Credit, amount, currency ?? Currency.EUR);
}

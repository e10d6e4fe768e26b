using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Payables;
using EventFlowApp.Ledger.Periods;
using EventFlowApp.Ledger.SubLedgers;
using EventFlowApp.Ledger.Tests.Support;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.Tests.SubLedgers;

/// <summary>Bills and payments post their journal entries in the same transaction, so the sub-ledger and the ledger always agree.</summary>
public sealed class PayablesSpec : LedgerSpec
{
    private static readonly DateOnly March1 = new(2026, 3, 1);
    private readonly SupplierId _supplier = SupplierId.New;
    private AccountId _payables = null!;
    private AccountId _expenses = null!;
    private AccountId _bank = null!;

    private async Task GivenSupplierAsync()
    {
        _payables = await GivenAccountAsync("2000", AccountType.Liability);
        _expenses = await GivenAccountAsync("6000", AccountType.Expense);
        _bank = await GivenAccountAsync("1000", AccountType.Asset);
        await GivenAsync(new RegisterSupplier(_supplier, Host.LedgerId, "Paper Co", Currency.EUR, _payables));
    }

    private ReceiveBill Bill(string id, decimal amount, int dueInDays = 30) =>
        new(_supplier, id, $"B-{id}", amount, March1, March1.AddDays(dueInDays), _expenses, "paper");


    private async Task<CounterpartyState> SupplierAsync() =>
        (await Host.Aggregates.LoadAsync<Supplier, SupplierId>(_supplier, Ct)).State;

    [Fact]
    public async Task A_bill_is_recorded_and_posted_to_expenses_and_payables_at_once()
    {
        await GivenSupplierAsync();

        var events = await WhenAsync(Bill("1", 250m));

        var bill = events.OfType<BillReceived>().Single();
        var posted = events.OfType<JournalEntryPosted>().Single();
        Assert.Equal(bill.Entry, JournalEntryId.For(Host.LedgerId, $"{_supplier.Value}/bill/1"));
        Assert.Equal([(_expenses, Side.Debit, 250m), (_payables, Side.Credit, 250m)], posted.Lines.Select(l => (l.AccountId, l.Side, l.Amount)));
        Assert.Equal(-250m, await BalanceAsync(_payables));
        Assert.Equal(250m, (await SupplierAsync()).Items.Outstanding);
    }

    [Fact]
    public async Task A_bill_in_a_closed_period_stores_neither_the_bill_nor_an_entry()
    {
        await GivenSupplierAsync();
        await GivenAsync(new ClosePeriod(Host.LedgerId, new Period(2026, 3)));

        await ThenRefusedAsync(Bill("1", 250m), "period.closed");

        Assert.Empty((await SupplierAsync()).Items.Items);
    }

    [Fact]
    public async Task A_payment_settles_the_oldest_bills_first_and_holds_the_excess_as_credit()
    {
        await GivenSupplierAsync();
        await GivenAsync(Bill("late", 100m, dueInDays: 60), Bill("soon", 80m, dueInDays: 10));

        var result = (PaymentResult)await Host.SendAsync(new PaySupplier(_supplier, "P1", 200m, March1.AddDays(5), _bank));

        Assert.Equal([new Allocation("soon", 80m), new Allocation("late", 100m)], result.Allocations);
        Assert.Equal(20m, result.ToCredit);
        Assert.Equal(20m, await BalanceAsync(_payables));
        Assert.Equal(-200m, await BalanceAsync(_bank));
        var state = await SupplierAsync();
        Assert.Equal((0m, 20m), (state.Items.Outstanding, state.Items.Credit));
    }

    [Fact]
    public async Task Held_credit_settles_a_later_bill_without_a_journal_entry()
    {
        await GivenSupplierAsync();
        await GivenAsync(new PaySupplier(_supplier, "P1", 30m, March1, _bank), Bill("1", 50m));

        var events = await WhenAsync(new ApplySupplierCredit(_supplier, March1));

        Assert.Equal([new Allocation("1", 30m)], events.OfType<SupplierCreditApplied>().Single().Allocations);
        Assert.Empty(events.OfType<JournalEntryPosted>());
        var state = await SupplierAsync();
        Assert.Equal((20m, 0m), (state.Items.Outstanding, state.Items.Credit));
        Assert.Equal(-state.Items.Outstanding + state.Items.Credit, await BalanceAsync(_payables));
    }

    [Fact]
    public async Task Explicit_allocations_are_checked_against_what_is_outstanding()
    {
        await GivenSupplierAsync();
        await GivenAsync(Bill("1", 50m));

        await ThenRefusedAsync(new PaySupplier(_supplier, "P1", 80m, March1, _bank, [new Allocation("1", 60m)]), "allocation.invalid");
        await ThenRefusedAsync(new PaySupplier(_supplier, "P1", 80m, March1, _bank, [new Allocation("nope", 10m)]), "item.not_found");
        await ThenRefusedAsync(new PaySupplier(_supplier, "P1", 20m, March1, _bank, [new Allocation("1", 30m)]), "allocation.exceeds_payment");
    }

    [Fact]
    public async Task Bills_and_payments_are_recorded_once()
    {
        await GivenSupplierAsync();
        await GivenAsync(Bill("1", 50m), new PaySupplier(_supplier, "P1", 10m, March1, _bank));

        await ThenRefusedAsync(Bill("1", 50m), "item.duplicate");
        await ThenRefusedAsync(new PaySupplier(_supplier, "P1", 10m, March1, _bank), "payment.duplicate");
        await ThenRefusedAsync(Bill("2", 50m, dueInDays: -1), "item.due_before_issue");
        await ThenRefusedAsync(Bill("3", 0.001m), "money.precision");
    }

    [Fact]
    public async Task A_supplier_needs_an_open_liability_as_its_payables_account()
    {
        var bank = await GivenAccountAsync("1000", AccountType.Asset);

        await ThenRefusedAsync(new RegisterSupplier(_supplier, Host.LedgerId, "Paper Co", Currency.EUR, bank), "account.not_control");
        await Assert.ThrowsAsync<AggregateNotFoundException>(() => Host.SendAsync(Bill("1", 10m) with { ExpenseAccount = bank }));
    }
}

using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Receivables;
using EventFlowApp.Ledger.SubLedgers;
using EventFlowApp.Ledger.Tests.Support;

namespace EventFlowApp.Ledger.Tests.SubLedgers;

public sealed class ReceivablesSpec : LedgerSpec
{
    private static readonly DateOnly March1 = new(2026, 3, 1);
    private readonly CustomerId _customer = CustomerId.New;
    private AccountId _receivables = null!;
    private AccountId _revenue = null!;
    private AccountId _bank = null!;

    private async Task GivenCustomerAsync(Currency? currency = null)
    {
        _receivables = await GivenAccountAsync("1200", AccountType.Asset);
        _revenue = await GivenAccountAsync("4000", AccountType.Revenue);
        _bank = await GivenAccountAsync("1000", AccountType.Asset);
        await GivenAsync(new RegisterCustomer(_customer, Host.LedgerId, "Globex", currency ?? Currency.EUR, _receivables));
    }

    private IssueInvoice Invoice(string id, decimal amount, int dueInDays = 30) =>
        new(_customer, id, $"INV-{id}", amount, March1, March1.AddDays(dueInDays), _revenue);


    private async Task<CounterpartyState> CustomerAsync() =>
        (await Host.Aggregates.LoadAsync<Customer, CustomerId>(_customer, Ct)).State;

    [Fact]
    public async Task An_invoice_is_recorded_and_posted_to_receivables_and_revenue_at_once()
    {
        await GivenCustomerAsync();

        var events = await WhenAsync(Invoice("1", 1000m));

        var posted = events.OfType<JournalEntryPosted>().Single();
        Assert.Equal([(_receivables, Side.Debit, 1000m), (_revenue, Side.Credit, 1000m)], posted.Lines.Select(l => (l.AccountId, l.Side, l.Amount)));
        Assert.Equal(1000m, await BalanceAsync(_receivables));
    }

    [Fact]
    public async Task A_partial_payment_leaves_the_rest_outstanding_and_overdue_after_the_due_date()
    {
        await GivenCustomerAsync();
        await GivenAsync(Invoice("1", 1000m, dueInDays: 14));

        var result = (PaymentResult)await Host.SendAsync(new ReceivePayment(_customer, "P1", 400m, March1.AddDays(3), _bank));

        Assert.Equal([new Allocation("1", 400m)], result.Allocations);
        var state = await CustomerAsync();
        Assert.Equal(600m, state.Items.Outstanding);
        Assert.Empty(state.Items.OverdueOn(March1.AddDays(14)));
        Assert.Equal("1", Assert.Single(state.Items.OverdueOn(March1.AddDays(15))).ItemId);
        Assert.Equal(state.Items.Outstanding - state.Items.Credit, await BalanceAsync(_receivables));
        Assert.Equal(400m, await BalanceAsync(_bank));
    }

    [Fact]
    public async Task A_foreign_currency_customer_posts_converted_amounts_with_the_recorded_rate()
    {
        await GivenCustomerAsync(Currency.USD);

        var events = await WhenAsync(Invoice("1", 100m));

        var line = events.OfType<JournalEntryPosted>().Single().Lines[0];
        Assert.Equal((100m, Currency.USD, 92.00m, Currency.EUR), (line.Amount, line.Currency, line.AccountAmount, line.AccountCurrency));
        Assert.Equal(0.92m, line.Rate!.Rate);
    }

    [Fact]
    public async Task Credit_cannot_be_applied_when_none_is_held()
    {
        await GivenCustomerAsync();
        await GivenAsync(Invoice("1", 10m));

        await ThenRefusedAsync(new ApplyCustomerCredit(_customer, March1), "credit.none");
    }
}

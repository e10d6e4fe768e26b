using System.Collections.Concurrent;
using EventFlowApp.Kernel.Jobs.InMemory;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.Tests.Support;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Receivables;
using EventFlowApp.Ledger.Receivables.OverdueChase;
using EventFlowApp.Ledger.Receivables.Reminders;
using EventFlowApp.Ledger.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Ledger.Tests.SubLedgers;

/// <summary>
/// The overdue-invoice chase end to end on the in-memory stores: the saga's processor, its timeout
/// jobs on the fake clock, the command to the customer, and the reminder subscriber.
/// </summary>
public sealed class OverdueChaseSpec : LedgerSpec
{
    private static readonly DateOnly March1 = new(2026, 3, 1);
    private static readonly DateOnly March15 = new(2026, 3, 15);
    private static readonly DateTimeOffset EndOfMarch15 = new(2026, 3, 16, 0, 0, 0, TimeSpan.Zero);
    private readonly CustomerId _customer = CustomerId.New;
    private AccountId _revenue = null!;
    private AccountId _bank = null!;

    public OverdueChaseSpec()
        : base(configure: s => s
            .AddSingleton(sp => new FakeProcessorStore(sp.GetRequiredService<TimeProvider>()))
            .AddSingleton<IProcessorStore>(sp => sp.GetRequiredService<FakeProcessorStore>())
            .AddSingleton<IPaymentReminderNotifier, RecordingReminders>())
    {
    }

    private RecordingReminders Reminders => (RecordingReminders)Host.Services.GetRequiredService<IPaymentReminderNotifier>();

    private FakeProcessorStore Store => Host.Services.GetRequiredService<FakeProcessorStore>();

    private InMemoryJobScheduler Jobs => Host.Services.GetRequiredService<InMemoryJobScheduler>();

    private async Task GivenCustomerWithInvoiceAsync(decimal amount = 1000m)
    {
        var receivables = await GivenAccountAsync("1200", AccountType.Asset);
        _revenue = await GivenAccountAsync("4000", AccountType.Revenue);
        _bank = await GivenAccountAsync("1000", AccountType.Asset);
        await GivenAsync(
            new RegisterCustomer(_customer, Host.LedgerId, "Globex", Currency.EUR, receivables),
            new IssueInvoice(_customer, "1", "INV-1", amount, March1, March15, _revenue));
        await SettleAsync();
    }

    private Task SettleAsync() => BackgroundWork.SettleAsync(Host.Services, Ct);

    private async Task AdvanceToAsync(DateTimeOffset time)
    {
        Host.Clock.SetUtcNow(time);
        await SettleAsync();
    }

    private async Task<List<InvoiceWentOverdue>> OverdueEventsAsync() =>
        (await Host.AllEventsAsync()).Select(e => e.GetAggregateEvent()).OfType<InvoiceWentOverdue>().ToList();

    [Fact]
    public async Task An_invoice_still_open_after_its_due_date_is_recorded_overdue_and_the_customer_reminded_once()
    {
        await GivenCustomerWithInvoiceAsync();
        var chase = await Host.Aggregates.LoadAsync<OverdueChase, OverdueChaseId>(OverdueChaseId.For(_customer), Ct);
        Assert.Equal(EndOfMarch15, Assert.Single(chase.State.Timeouts.Values).DueAt);

        await AdvanceToAsync(EndOfMarch15.AddTicks(-1));
        Assert.Empty(await OverdueEventsAsync());
        Assert.Empty(Reminders.Sent);

        await AdvanceToAsync(EndOfMarch15);
        var overdue = Assert.Single(await OverdueEventsAsync());
        Assert.Equal(("1", "INV-1", 1000m, March15, March15.AddDays(1)), (overdue.InvoiceId, overdue.Number, overdue.Outstanding, overdue.DueDate, overdue.On));
        var reminder = Assert.Single(Reminders.Sent);
        Assert.Equal((_customer, "Globex", "INV-1", 1000m, Currency.EUR), (reminder.Customer, reminder.CustomerName, reminder.Number, reminder.Outstanding, reminder.Currency));

        await AdvanceToAsync(EndOfMarch15.AddDays(30));
        Assert.Single(await OverdueEventsAsync());
        Assert.Single(Reminders.Sent);
    }

    [Fact]
    public async Task An_invoice_paid_in_full_before_its_due_date_is_not_chased()
    {
        await GivenCustomerWithInvoiceAsync();
        var timeout = Assert.Single((await Host.Aggregates.LoadAsync<OverdueChase, OverdueChaseId>(OverdueChaseId.For(_customer), Ct)).State.Timeouts.Keys);

        await GivenAsync(new ReceivePayment(_customer, "P1", 1000m, March15, _bank));
        await SettleAsync();
        Assert.Equal(JobStatus.Cancelled, Jobs.GetJob(timeout)!.Status);

        await AdvanceToAsync(EndOfMarch15.AddDays(30));
        Assert.Empty(await OverdueEventsAsync());
        Assert.Empty(Reminders.Sent);
    }

    [Fact]
    public async Task A_partly_paid_invoice_is_chased_for_what_is_still_owed()
    {
        await GivenCustomerWithInvoiceAsync();
        await GivenAsync(new ReceivePayment(_customer, "P1", 400m, March15, _bank));

        await AdvanceToAsync(EndOfMarch15);

        Assert.Equal(600m, Assert.Single(await OverdueEventsAsync()).Outstanding);
        Assert.Equal(600m, Assert.Single(Reminders.Sent).Outstanding);
    }

    [Fact]
    public async Task Replaying_the_reminders_does_not_remind_anyone_again()
    {
        await GivenCustomerWithInvoiceAsync();
        await AdvanceToAsync(EndOfMarch15);
        Assert.Single(Reminders.Sent);

        await Store.ResetAsync("subscriber:payment-reminders", 0, Ct);
        await Store.ResetAsync("saga:OverdueInvoiceChase", 0, Ct);
        await SettleAsync();

        Assert.Single(Reminders.Sent);
        Assert.Single(await OverdueEventsAsync());
    }

    [Fact]
    public async Task Recording_an_invoice_overdue_after_it_was_paid_records_nothing()
    {
        await GivenCustomerWithInvoiceAsync();
        await GivenAsync(new ReceivePayment(_customer, "P1", 1000m, March15, _bank));

        var events = await WhenAsync(new RecordInvoiceOverdue(_customer, "1", March15.AddDays(1)));

        Assert.Empty(events);
    }

    [Fact]
    public async Task Recording_an_invoice_overdue_twice_records_it_once()
    {
        await GivenCustomerWithInvoiceAsync();
        await GivenAsync(new RecordInvoiceOverdue(_customer, "1", March15.AddDays(1)));

        var events = await WhenAsync(new RecordInvoiceOverdue(_customer, "1", March15.AddDays(2)));

        Assert.Empty(events);
    }

    private sealed class RecordingReminders : IPaymentReminderNotifier
    {
        private readonly ConcurrentQueue<PaymentReminder> _sent = new();

        public IReadOnlyList<PaymentReminder> Sent => [.. _sent];

        public Task SendReminderAsync(PaymentReminder reminder, CancellationToken cancellationToken)
        {
            _sent.Enqueue(reminder);
            return Task.CompletedTask;
        }
    }
}

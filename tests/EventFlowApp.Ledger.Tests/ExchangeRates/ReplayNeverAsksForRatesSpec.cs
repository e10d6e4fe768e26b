using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.ExchangeRates;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Tests.Import;
using EventFlowApp.Ledger.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Ledger.Tests.ExchangeRates;

/// <summary>
/// The rate used is recorded in the event: rebuilding the ledger from its events, and reversing a
/// foreign-currency entry later, never ask the rate service again, even when it is down.
/// </summary>
public sealed class ReplayNeverAsksForRatesSpec
{
    private static readonly DateOnly March10 = new(2026, 3, 10);
    private readonly InMemoryEventPersistence _events = new();

    [Fact]
    public async Task Loading_and_reversing_use_the_recorded_rate_and_never_call_the_provider()
    {
        var ledgerId = GeneralLedgerId.New;
        var entryId = JournalEntryId.New;
        var counting = new CountingRateProvider();
        using (var live = Services(counting))
        {
            var bus = live.GetRequiredService<ICommandBus>();
            await bus.PublishAsync(new OpenLedger(ledgerId, "Acme", Currency.EUR), LedgerHost.Ct);
            var expenses = (await bus.PublishAsync(new OpenAccount(ledgerId, "6000", "Software", AccountType.Expense, Currency.EUR), LedgerHost.Ct)).AccountId;
            var bank = (await bus.PublishAsync(new OpenAccount(ledgerId, "1010", "Bank USD", AccountType.Asset, Currency.USD), LedgerHost.Ct)).AccountId;
            await bus.PublishAsync(
                new PostJournalEntry(entryId, ledgerId, March10, "US licence", null, [LedgerHost.Debit(expenses, 100m, Currency.USD), LedgerHost.Credit(bank, 100m, Currency.USD)]),
                LedgerHost.Ct);
        }

        Assert.Single(counting.Asked);
        var down = new UnavailableRates();
        using var replay = Services(down);
        var aggregates = replay.GetRequiredService<IAggregateStore>();

        var ledger = await aggregates.LoadAsync<GeneralLedger.GeneralLedger, GeneralLedgerId>(ledgerId, LedgerHost.Ct);
        await replay.GetRequiredService<ICommandBus>().PublishAsync(new ReverseJournalEntry(entryId, JournalEntryId.New), LedgerHost.Ct);
        var after = await aggregates.LoadAsync<GeneralLedger.GeneralLedger, GeneralLedgerId>(ledgerId, LedgerHost.Ct);

        Assert.Equal(92.00m, ledger.State.RequireCode("6000").Balance);
        Assert.Equal(0m, after.State.RequireCode("6000").Balance);
        Assert.Equal(0, down.Calls);
    }

    private ServiceProvider Services(IExchangeRateProvider rates)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IEventPersistence>(_events);
        services.AddSingleton(rates);
        services.AddEventFlowApp(o => o.AddLedger());
        return services.BuildServiceProvider();
    }

    private sealed class UnavailableRates : IExchangeRateProvider
    {
        public int Calls { get; private set; }

        public Task<ExchangeRate> GetRateAsync(Currency from, Currency to, DateOnly date, CancellationToken cancellationToken)
        {
            Calls++;
            throw new HttpRequestException("rate service unavailable");
        }
    }
}

internal static class LedgerStateTestExtensions
{
    public static Account RequireCode(this GeneralLedgerState state, string code) => state.Accounts[state.Codes[code].Value];
}

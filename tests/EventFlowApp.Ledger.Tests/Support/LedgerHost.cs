using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Ledger;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.ExchangeRates;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EventFlowApp.Ledger.Tests.Support;

/// <summary>The ledger on the in-memory kernel, with a fixed rate table and a fake clock.</summary>
public sealed class LedgerHost : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    /// <param name="configure">Services registered before the ledger (replacing its defaults).</param>
    public LedgerHost(IEnumerable<ExchangeRate>? rates = null, Action<IServiceCollection>? configure = null)
        : this(new FixedExchangeRateProvider(rates ?? DefaultRates), configure)
    {
    }

    public LedgerHost(IExchangeRateProvider exchangeRates, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(exchangeRates);
        configure?.Invoke(services);
        services.AddEventFlowApp(o => o.AddLedger());
        _services = services.BuildServiceProvider();
    }

    /// <summary>EUR per USD and GBP from January 2026.</summary>
    public static IReadOnlyList<ExchangeRate> DefaultRates { get; } =
    [
        new(Currency.USD, Currency.EUR, 0.92m, new DateOnly(2026, 1, 1), "test"),
        new(Currency.GBP, Currency.EUR, 1.17m, new DateOnly(2026, 1, 1), "test"),
    ];

    public FakeTimeProvider Clock { get; } = new(Start);

    public GeneralLedgerId LedgerId { get; } = GeneralLedgerId.New;

    public IServiceProvider Services => _services;

    public ICommandBus Bus => _services.GetRequiredService<ICommandBus>();

    public IAggregateStore Aggregates => _services.GetRequiredService<IAggregateStore>();

    public IEventPersistence Persistence => _services.GetRequiredService<IEventPersistence>();

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Task<ExecutionResult> SendAsync(ICommand command) => Bus.PublishAsync(command, Ct);

    public async Task<AccountId> OpenAccountAsync(string code, AccountType type, Currency? currency = null)
    {
        var result = await Bus.PublishAsync(new OpenAccount(LedgerId, code, $"Account {code}", type, currency ?? Currency.EUR), Ct);
        return result.AccountId;
    }

    public Task<PostingResult> PostAsync(JournalEntryId id, DateOnly date, params JournalLineInput[] lines) =>
        Bus.PublishAsync(new PostJournalEntry(id, LedgerId, date, "test entry", null, lines), Ct);

    public Task<GeneralLedger.GeneralLedger> LedgerAsync() => Aggregates.LoadAsync<GeneralLedger.GeneralLedger, GeneralLedgerId>(LedgerId, Ct);

    public Task<JournalEntry> EntryAsync(JournalEntryId id) => Aggregates.LoadAsync<JournalEntry, JournalEntryId>(id, Ct);

    public async Task<IReadOnlyList<IDomainEvent>> AllEventsAsync()
    {
        var page = await _services.GetRequiredService<IEventStore>().LoadAllEventsAsync(0, int.MaxValue, Ct);
        return page.Events;
    }

    public static JournalLineInput Debit(AccountId account, decimal amount, Currency? currency = null) => new(account, Side.Debit, amount, currency ?? Currency.EUR);

    public static JournalLineInput Credit(AccountId account, decimal amount, Currency? currency = null) => new(account, Side.Credit, amount, currency ?? Currency.EUR);

    public void Dispose() => _services.Dispose();
}

using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger;
using EventFlowApp.Ledger.ExchangeRates;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EventFlowApp.Storage.Tests.Ledger.Reports;

/// <summary>
/// The ledger on one provider, migrated with the real migrations, on a fake clock, with its read models
/// driven by hand: <see cref="CatchUpAsync"/> does what the processor host would, and fails loudly when
/// a processor stops. Two of these fed the same commands hold the same events at the same positions.
/// </summary>
public sealed class LedgerReportHost : IAsyncDisposable
{
    /// <summary>Not on a whole microsecond, as a real clock is not: event timestamps are cut to microseconds, "as known at" times are not.</summary>
    public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero).AddTicks(1234567);

    /// <summary>EUR per USD and GBP from January 2026.</summary>
    public static readonly IReadOnlyList<ExchangeRate> Rates =
    [
        new(Currency.USD, Currency.EUR, 0.92m, new DateOnly(2026, 1, 1), "test"),
        new(Currency.GBP, Currency.EUR, 1.17m, new DateOnly(2026, 1, 1), "test"),
    ];

    private readonly StorageHost _host;

    private LedgerReportHost(StorageHost host, FakeTimeProvider clock)
    {
        _host = host;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _host.Services;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<LedgerReportHost> StartAsync(IStorageTarget target)
    {
        var clock = new FakeTimeProvider(Start);
        var host = await StorageHost.StartAsync(
            target,
            o => o.AddLedger(),
            s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                s.AddSingleton<IExchangeRateProvider>(new FixedExchangeRateProvider(Rates));
            });
        return new LedgerReportHost(host, clock);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Sends a command an hour (and a few ticks) after the previous one, so recorded times are distinct and equal on every provider.</summary>
    public async Task<ExecutionResult> SendAsync(ICommand command)
    {
        Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromTicks(3));
        return await Get<ICommandBus>().PublishAsync(command, Ct);
    }

    public Task<long> PositionAsync() => Get<IEventPersistence>().GetHeadPositionAsync(Ct);

    /// <summary>Catches every live read model (and the sagas and subscribers) up with the events stored so far.</summary>
    public async Task CatchUpAsync()
    {
        foreach (var source in Services.GetServices<ITrackedProcessorSource>())
        {
            foreach (var processor in await source.GetProcessorsAsync(Ct))
            {
                var run = await Get<TrackedProcessorRunner>().CatchUpAsync(processor, null, Ct);
                Assert.True(run.Outcome == ProcessorRunOutcome.CaughtUp, $"{run.Processor}: {run.Outcome} {run.Failure}");
            }
        }
    }

    /// <summary>Builds a point-in-time generation of every read model, named <paramref name="name"/>, up to a position.</summary>
    public async Task BuildPointInTimeAsync(string name, long upToPosition)
    {
        // Live generations first: the live source never creates generation 1 once another generation exists.
        await CatchUpAsync();
        var populator = Get<IReadModelPopulator>();
        foreach (var definition in Get<ReadModelRegistry>().All)
        {
            var generation = await populator.StartPointInTimeAsync(definition.Name, name, upToPosition, null, Ct);
            var result = await populator.RunAsync(definition.Name, generation.Generation, null, Ct);
            Assert.True(result.Succeeded, $"{definition.Name}: {result.Generation.State} {result.Generation.Error}");
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}

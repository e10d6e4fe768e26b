using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Jobs.InMemory;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Tests.Sagas;

/// <summary>A kernel with the ThingWatch saga, a fake processor store and a bus that can be made to crash.</summary>
public abstract class SagaHost : IDisposable
{
    public const string Processor = "saga:ThingWatch";

    protected SagaHost()
    {
        Host = KernelHost.Create(
            o => o.AddSaga<ThingWatch>().AddEvents(typeof(WatchStarted), typeof(WatchSawCount), typeof(WatchSawPoke), typeof(WatchExpired)),
            s => s.AddSingleton(Crash)
                .AddSingleton(sp => new FakeProcessorStore(sp.GetRequiredService<TimeProvider>()))
                .AddSingleton<IProcessorStore>(sp => sp.GetRequiredService<FakeProcessorStore>())
                .AddScoped<CommandBus>()
                .AddScoped<ICommandBus, CrashingCommandBus>());
    }

    protected KernelHost Host { get; }

    protected CrashSwitch Crash { get; } = new();

    protected ThingId Thing { get; } = ThingId.New;

    protected ThingWatchId Saga => ThingWatchId.For(Thing);

    protected FakeProcessorStore Store => Host.Get<FakeProcessorStore>();

    protected InMemoryJobScheduler Jobs => Host.Get<InMemoryJobScheduler>();

    protected static CancellationToken Ct => KernelHost.Ct;

    public void Dispose()
    {
        Host.Dispose();
        GC.SuppressFinalize(this);
    }

    protected Task SettleAsync() => BackgroundWork.SettleAsync(Host.Services, Ct);

    protected async Task AdvanceAsync(TimeSpan by)
    {
        Host.Clock.Advance(by);
        await SettleAsync();
    }

    protected Task<ThingWatch> SagaAsync() => Host.Aggregates.LoadAsync<ThingWatch, ThingWatchId>(Saga, Ct);

    protected Task<IReadOnlyList<CommittedEvent>> SagaStreamAsync() => Host.Persistence.LoadStreamAsync(Saga.Value, 1, long.MaxValue, Ct);

    protected async Task<List<string>> ThingEventsAsync() => (await Host.StreamAsync(Thing)).Select(e => e.Event.EventName).ToList();

    protected async Task<ProcessorState> ProcessorAsync() => (await Store.GetAsync(Processor, Ct))!;
}

using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Configuration;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Queries;
using EventFlowApp.Kernel.Snapshots;
using EventFlowApp.Kernel.Tests.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EventFlowApp.Kernel.Tests.Support;

/// <summary>A fresh kernel per test: in-memory stores, the Thing domain and a fake clock.</summary>
public sealed class KernelHost : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _root;
    private readonly IServiceScope _scope;

    private KernelHost(ServiceProvider root, FakeTimeProvider clock)
    {
        _root = root;
        _scope = root.CreateScope();
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _scope.ServiceProvider;

    public ICommandBus Bus => Services.GetRequiredService<ICommandBus>();

    public IAggregateStore Aggregates => Services.GetRequiredService<IAggregateStore>();

    public IEventStore Events => Services.GetRequiredService<IEventStore>();

    public IEventPersistence Persistence => Services.GetRequiredService<IEventPersistence>();

    public ISnapshotPersistence Snapshots => Services.GetRequiredService<ISnapshotPersistence>();

    public IQueryProcessor Queries => Services.GetRequiredService<IQueryProcessor>();

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="configure">Extra kernel registration after the Thing domain.</param>
    /// <param name="before">Services registered before AddEventFlowApp (replacing its TryAdd defaults).</param>
    public static KernelHost Create(Action<EventFlowAppBuilder>? configure = null, Action<IServiceCollection>? before = null)
    {
        var clock = new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        before?.Invoke(services);
        services.AddEventFlowApp(o =>
        {
            o.AddThings();
            configure?.Invoke(o);
        });
        return new KernelHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), clock);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public Task<ExecutionResult> CreateAsync(ThingId id, string name = "first") => Bus.PublishAsync(new CreateThing(id, name), Ct);

    public Task<CountResult> CountAsync(ThingId id, int by = 1, int times = 1) => Bus.PublishAsync(new CountThing(id, by, times), Ct);

    public Task<Thing> LoadAsync(ThingId id) => Aggregates.LoadAsync<Thing, ThingId>(id, Ct);

    public Task<Thing> LoadAsync(ThingId id, AsOf asOf) => Aggregates.LoadAsync<Thing, ThingId>(id, asOf, Ct);

    public Task<IReadOnlyList<CommittedEvent>> StreamAsync(ThingId id) => Persistence.LoadStreamAsync(id.Value, 1, long.MaxValue, Ct);

    public async Task<IReadOnlyList<CommittedEvent>> AllAsync() => (await Persistence.LoadAllAsync(0, int.MaxValue, Ct)).Events;

    public void Dispose()
    {
        _scope.Dispose();
        _root.Dispose();
    }
}

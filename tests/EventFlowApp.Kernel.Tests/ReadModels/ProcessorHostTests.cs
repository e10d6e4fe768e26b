using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.Tests.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EventFlowApp.Kernel.Tests.ReadModels;

/// <summary>The background host on the real clock: it follows new events, picks up a generation that went live, and resumes a rebuild left Building.</summary>
public sealed class ProcessorHostTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_host_keeps_the_live_generation_following_new_events()
    {
        await using var app = await HostedKernel.StartAsync();
        var id = ThingId.New;
        await app.Bus.PublishAsync(new CreateThing(id, "hosted"), Ct);
        await app.Bus.PublishAsync(new CountThing(id, 5), Ct);

        var counter = await app.EventuallyAsync(async () => await app.Store.GetAsync<ThingCounter>(id.Value, ReadModelView.Live, Ct), c => c?.Total == 5);

        Assert.Equal("hosted", counter!.Name);
    }

    [Fact]
    public async Task The_host_follows_a_rebuilt_generation_after_the_switch()
    {
        await using var app = await HostedKernel.StartAsync();
        var id = ThingId.New;
        await app.Bus.PublishAsync(new CreateThing(id, "before"), Ct);
        await app.EventuallyAsync(() => app.Store.GetAsync<ThingCounter>(id.Value, ReadModelView.Live, Ct), c => c is not null);

        var rebuilt = await app.Services.GetRequiredService<IReadModelPopulator>().RebuildAsync("thing_counters", null, Ct);
        await app.Bus.PublishAsync(new CountThing(id, 9), Ct);

        await app.EventuallyAsync(() => app.Store.GetAsync<ThingCounter>(id.Value, ReadModelView.Live, Ct), c => c?.Total == 9);
        var state = await app.EventuallyAsync(
            () => app.Services.GetRequiredService<IProcessorStore>().GetAsync(rebuilt.Generation.ProcessorName, Ct), s => s?.Position == 2);
        Assert.Equal(ProcessorRunState.Active, state!.State);
    }

    [Fact]
    public async Task The_host_finishes_a_rebuild_that_a_dead_node_left_building()
    {
        await using var app = await HostedKernel.StartAsync(startHost: false);
        var id = ThingId.New;
        await app.Bus.PublishAsync(new CreateThing(id, "x"), Ct);
        var building = await app.Services.GetRequiredService<IReadModelPopulator>().StartRebuildAsync("thing_counters", Ct);

        await app.StartHostAsync();

        var generation = await app.EventuallyAsync(
            () => app.Services.GetRequiredService<IReadModelGenerationStore>().GetAsync("thing_counters", building.Generation, Ct),
            g => g?.State == GenerationState.Live);
        Assert.NotNull(generation);
    }

    private sealed class HostedKernel : IAsyncDisposable
    {
        private readonly ServiceProvider _root;
        private IHostedService? _host;

        private HostedKernel(ServiceProvider root) => _root = root;

        public IServiceProvider Services => _root;

        public ICommandBus Bus => _root.GetRequiredService<ICommandBus>();

        public IReadModelStore Store => _root.GetRequiredService<IReadModelStore>();

        public static async Task<HostedKernel> StartAsync(bool startHost = true)
        {
            var services = new ServiceCollection();
            services.AddSingleton(new TrackedProcessorOptions { PollInterval = TimeSpan.FromMilliseconds(20), NodeId = "host-test" });
            services.AddEventFlowApp(o => o.AddThings().RunProcessors(h => h.RefreshInterval = TimeSpan.FromMilliseconds(50)));
            var app = new HostedKernel(services.BuildServiceProvider());
            if (startHost)
            {
                await app.StartHostAsync();
            }

            return app;
        }

        public async Task StartHostAsync()
        {
            _host = _root.GetServices<IHostedService>().OfType<TrackedProcessorHost>().Single();
            await _host.StartAsync(Ct);
        }

        /// <summary>Polls for at most ten seconds: the host works in the background.</summary>
        public async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            var value = await read();
            while (!done(value) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, Ct);
                value = await read();
            }

            Assert.True(done(value), $"Not reached within ten seconds; last value: {value}");
            return value;
        }

        public async ValueTask DisposeAsync()
        {
            if (_host is not null)
            {
                await _host.StopAsync(CancellationToken.None);
            }

            await _root.DisposeAsync();
        }
    }
}

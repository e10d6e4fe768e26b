using EventFlowApp.Kernel.Configuration;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Tests.ReadModels;

/// <summary>A kernel with read models on the in-memory stores, and shortcuts to drive their processors by hand.</summary>
public sealed class ReadModelHost : IDisposable
{
    private ReadModelHost(KernelHost kernel) => Kernel = kernel;

    public KernelHost Kernel { get; }

    public IReadModelStore Store => Kernel.Get<IReadModelStore>();

    public IReadModelGenerationStore Generations => Kernel.Get<IReadModelGenerationStore>();

    public IProcessorStore Processors => Kernel.Get<IProcessorStore>();

    public IReadModelPopulator Populator => Kernel.Get<IReadModelPopulator>();

    public TrackedProcessorRunner Runner => Kernel.Get<TrackedProcessorRunner>();

    public static ReadModelHost Create(int batchSize = 1000, Action<EventFlowAppBuilder>? configure = null, Action<IServiceCollection>? before = null) =>
        new(KernelHost.Create(configure, services =>
        {
            services.AddSingleton(new TrackedProcessorOptions { BatchSize = batchSize, NodeId = "node-a" });
            before?.Invoke(services);
        }));

    /// <summary>Creates missing live generations and catches every live processor up, as the host would.</summary>
    public async Task<IReadOnlyList<ProcessorRunResult>> CatchUpLiveAsync()
    {
        var results = new List<ProcessorRunResult>();
        foreach (var source in Kernel.Services.GetServices<ITrackedProcessorSource>())
        {
            foreach (var processor in await source.GetProcessorsAsync(KernelHost.Ct))
            {
                results.Add(await Runner.CatchUpAsync(processor, null, KernelHost.Ct));
            }
        }

        return results;
    }

    public Task<ThingCounter?> CounterAsync(ThingId id, ReadModelView? view = null) =>
        Store.GetAsync<ThingCounter>(id.Value, view ?? ReadModelView.Live, KernelHost.Ct);

    public async Task<ReadModelGeneration> LiveAsync(string readModel) =>
        (await Generations.ListAsync(readModel, KernelHost.Ct)).Single(g => g.State == GenerationState.Live);

    public void Dispose() => Kernel.Dispose();
}

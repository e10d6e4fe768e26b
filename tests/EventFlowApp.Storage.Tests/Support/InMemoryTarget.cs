using EventFlowApp.Kernel.Configuration;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.ReadModels.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventFlowApp.Storage.Tests.Support;

public sealed class InMemoryTarget : IStorageTarget
{
    public void Configure(EventFlowAppBuilder builder)
    {
        // The kernel's default persistence, and its in-memory read-model store (TryAdd: whatever the kernel registers wins).
        var services = builder.Services;
        services.TryAddSingleton<InMemoryReadModelStore>();
        services.TryAddSingleton<IReadModelStore>(sp => sp.GetRequiredService<InMemoryReadModelStore>());
        services.TryAddSingleton<IReadModelGenerationStore>(sp => sp.GetRequiredService<InMemoryReadModelStore>());
        services.TryAddSingleton<IProcessorStore>(sp => sp.GetRequiredService<InMemoryReadModelStore>());
    }

    public Task InitializeAsync(IServiceProvider services) => Task.CompletedTask;

    public Task InitializeWithReadModelsAsync(IServiceProvider services) => Task.CompletedTask;

    /// <summary>One process, one memory: a second node is the same store.</summary>
    public object CreateSecondReadModelStore(IServiceProvider services) => services.GetRequiredService<InMemoryReadModelStore>();

    public Task CreateGapAsync(IServiceProvider services, long size)
    {
        ((InMemoryEventPersistence)services.GetRequiredService<IEventPersistence>()).SkipPositions(size);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

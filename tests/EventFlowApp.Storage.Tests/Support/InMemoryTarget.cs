using EventFlowApp.Kernel.Configuration;
using EventFlowApp.Kernel.EventStores;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Storage.Tests.Support;

public sealed class InMemoryTarget : IStorageTarget
{
    public void Configure(EventFlowAppBuilder builder)
    {
        // The kernel's default persistence.
    }

    public Task InitializeAsync(IServiceProvider services) => Task.CompletedTask;

    public Task CreateGapAsync(IServiceProvider services, long size)
    {
        ((InMemoryEventPersistence)services.GetRequiredService<IEventPersistence>()).SkipPositions(size);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

using EventFlowApp.Kernel.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Storage.Tests.Support;

/// <summary>A kernel on a fresh store of one provider: built, migrated, and disposed with its database.</summary>
public sealed class StorageHost : IAsyncDisposable
{
    private readonly IStorageTarget _target;
    private readonly ServiceProvider _services;

    private StorageHost(IStorageTarget target, ServiceProvider services)
    {
        _target = target;
        _services = services;
    }

    public IServiceProvider Services => _services;

    public IStorageTarget Target => _target;

    /// <param name="register">Services registered before the kernel (a clock, say).</param>
    /// <param name="readModels">Create the read-model tables of the registered read models (the read-model suites).</param>
    public static async Task<StorageHost> StartAsync(
        IStorageTarget target, Action<EventFlowAppBuilder> configure, Action<IServiceCollection>? register = null, bool readModels = false)
    {
        var services = new ServiceCollection();
        register?.Invoke(services);
        services.AddEventFlowApp(o =>
        {
            configure(o);
            target.Configure(o);
        });
        var provider = services.BuildServiceProvider();
        await (readModels ? target.InitializeWithReadModelsAsync(provider) : target.InitializeAsync(provider));
        return new StorageHost(target, provider);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _target.DisposeAsync();
    }
}

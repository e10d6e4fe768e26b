using EventFlowApp.Kernel.Configuration;

namespace EventFlowApp.Storage.Tests.Support;

/// <summary>A fresh, empty store of one provider, private to one test.</summary>
public interface IStorageTarget : IAsyncDisposable
{
    void Configure(EventFlowAppBuilder builder);

    /// <summary>Prepares the schema (migrations) once the services are built.</summary>
    Task InitializeAsync(IServiceProvider services);

    /// <summary>Makes the next global position jump by <paramref name="size"/>, as rolled-back transactions do.</summary>
    Task CreateGapAsync(IServiceProvider services, long size);
}

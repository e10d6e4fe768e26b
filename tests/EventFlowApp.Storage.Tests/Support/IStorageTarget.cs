using EventFlowApp.Kernel.Configuration;

namespace EventFlowApp.Storage.Tests.Support;

/// <summary>A fresh, empty store of one provider, private to one test.</summary>
public interface IStorageTarget : IAsyncDisposable
{
    void Configure(EventFlowAppBuilder builder);

    /// <summary>Prepares the schema (migrations) once the services are built.</summary>
    Task InitializeAsync(IServiceProvider services);

    /// <summary>
    /// Prepares the schema for the read-model suite: the event store's migrations, then every table of the
    /// read-model context as mapped for the registered (test) read models.
    /// </summary>
    Task InitializeWithReadModelsAsync(IServiceProvider services);

    /// <summary>Another read-model store on the same data, as a second node would have.</summary>
    object CreateSecondReadModelStore(IServiceProvider services);

    /// <summary>Makes the next global position jump by <paramref name="size"/>, as rolled-back transactions do.</summary>
    Task CreateGapAsync(IServiceProvider services, long size);
}

using System.Data.Common;
using EventFlowApp.Bench.Domain;
using EventFlowApp.Kernel.EntityFramework.Configuration;
using EventFlowApp.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Bench.Infrastructure;

/// <summary>A fresh, migrated event store database, private to one measurement; dropped afterwards.</summary>
public abstract class BenchDatabase : IAsyncDisposable
{
    public abstract DatabaseOptions Options { get; }

    /// <summary>The kernel wired as an application wires it; <paramref name="snapshotEvery"/> 0 means no snapshot strategy.</summary>
    public ServiceProvider BuildServices(int snapshotEvery = 0)
    {
        var services = new ServiceCollection();
        services.AddEventFlowApp(o =>
        {
            o.AddEvents(typeof(AmountPosted)).UseEntityFramework(Options);
            if (snapshotEvery > 0)
            {
                o.AddSnapshots<LedgerAccount>(snapshotEvery);
            }
        });
        return services.BuildServiceProvider();
    }

    /// <summary>The ledger wired as the application wires it (its events, commands, handlers and snapshots).</summary>
    public ServiceProvider BuildLedgerServices()
    {
        var services = new ServiceCollection();
        services.AddEventFlowApp(o => o.AddLedger().UseEntityFramework(Options));
        return services.BuildServiceProvider();
    }

    /// <summary>Applies the real migrations with the application's migrator.</summary>
    public async Task MigrateAsync()
    {
        await using var services = BuildServices();
        await services.GetRequiredService<EventStoreMigrator>().MigrateAsync(CancellationToken.None);
    }

    /// <summary>An open ADO.NET connection for the raw baselines.</summary>
    public abstract Task<DbConnection> OpenAsync();

    public abstract ValueTask DisposeAsync();
}

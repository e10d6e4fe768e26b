using System.Diagnostics;
using EventFlowApp.Bench.Domain;
using EventFlowApp.Kernel.Aggregates;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Bench.Scenarios;

/// <summary>
/// Runs the kernel's own code (serialising, committing, domain events) against its in-memory store for a
/// while, so the JIT has tiered up the hot paths before a database run measures them; the database
/// warm-up alone is too short for that on a busy machine.
/// </summary>
public static class CpuWarmUp
{
    public static async Task RunAsync(TimeSpan duration)
    {
        var services = new ServiceCollection();
        services.AddEventFlowApp(o => o.AddEvents(typeof(AmountPosted)).AddSnapshots<LedgerAccount>(1_000));
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IAggregateStore>();
        var stopwatch = Stopwatch.StartNew();
        for (var round = 0; stopwatch.Elapsed < duration; round++)
        {
            var workload = new Workload($"warm-{round}", accounts: 100);
            var accounts = workload.Accounts.Select(id => new LedgerAccount(id)).ToArray();
            await KernelPaths.SingleAppendsAsync(store, accounts, workload.RoundRobin(500));
            await KernelPaths.BatchedAppendsAsync(store, accounts, workload.Batches(5));
            await KernelPaths.LoadAsync(provider, workload.Accounts[0]);
            await KernelPaths.ReadAllDomainEventsAsync(provider, 1_000);
        }
    }
}

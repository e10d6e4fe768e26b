using EventFlowApp.Kernel.Jobs.InMemory;
using EventFlowApp.Kernel.Processors;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Tests.Support;

/// <summary>
/// What a processor host would do, by hand: catch every tracked processor up, let the due jobs run,
/// and repeat until nothing moves (a job's command may feed a processor, whose decision may queue a job).
/// Also linked into the ledger tests.
/// </summary>
public static class BackgroundWork
{
    public static async Task<IReadOnlyList<ProcessorRunResult>> SettleAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var runner = ActivatorUtilities.CreateInstance<TrackedProcessorRunner>(services, new TrackedProcessorOptions());
        var jobs = services.GetRequiredService<InMemoryJobScheduler>();
        var results = new List<ProcessorRunResult>();
        var events = services.GetRequiredService<EventFlowApp.Kernel.EventStores.IEventPersistence>();
        var before = "";
        for (var round = 0; round < 20; round++)
        {
            foreach (var source in services.GetServices<ITrackedProcessorSource>())
            {
                foreach (var processor in await source.GetProcessorsAsync(cancellationToken))
                {
                    results.Add(await runner.CatchUpAsync(processor, null, cancellationToken));
                }
            }

            await jobs.WhenIdleAsync(cancellationToken);
            var now = $"{await events.GetHeadPositionAsync(cancellationToken)}|{string.Join(",", jobs.Jobs.Select(j => $"{j.JobId}:{j.Status}:{j.Attempts}"))}";
            if (now == before)
            {
                return results;
            }

            before = now;
        }

        throw new InvalidOperationException("Background work did not settle after 20 rounds.");
    }
}

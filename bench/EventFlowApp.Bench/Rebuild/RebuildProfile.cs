using System.Diagnostics;
using System.Globalization;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Bench.Rebuild;

/// <summary>
/// Where a kernel rebuild spends its time: the steps of <c>TrackedProcessorRunner</c> and <c>ReadModelProcessor</c>
/// done one after the other through the same public interfaces, each on a stopwatch (read a page, deserialise,
/// locate and apply, load rows, commit rows and checkpoint). A building generation is filled and then cancelled.
/// </summary>
public static class RebuildProfile
{
    public static async Task<string> RunAsync(IServiceProvider services, string readModel)
    {
        var persistence = services.GetRequiredService<IEventPersistence>();
        var serializer = services.GetRequiredService<EventSerializer>();
        var store = services.GetRequiredService<IReadModelStore>();
        var processors = services.GetRequiredService<IProcessorStore>();
        var batchSize = services.GetRequiredService<TrackedProcessorOptions>().BatchSize;
        var applier = services.GetRequiredService<ReadModelProcessorFactory>().Applier(services.GetRequiredService<ReadModelRegistry>().Get(readModel));
        var generation = await services.GetRequiredService<IReadModelPopulator>().StartRebuildAsync(readModel, CancellationToken.None);
        var (name, owner) = (generation.ProcessorName, "bench-profile");
        await processors.EnsureAsync(name, CancellationToken.None);
        await processors.TryAcquireLeaseAsync(name, owner, TimeSpan.FromMinutes(30), CancellationToken.None);

        var clocks = new[] { new Stopwatch(), new Stopwatch(), new Stopwatch(), new Stopwatch(), new Stopwatch() };
        var (position, events, rows) = (0L, 0L, 0L);
        while (true)
        {
            clocks[0].Start();
            var page = await persistence.LoadAllAsync(position, batchSize, CancellationToken.None);
            clocks[0].Stop();
            if (page.Events.Count == 0)
            {
                break;
            }

            clocks[1].Start();
            var batch = new List<IDomainEvent>(page.Events.Count);
            batch.AddRange(page.Events.Select(serializer.Deserialize));
            clocks[1].Stop();
            clocks[2].Start();
            var located = applier.Locate(batch);
            clocks[2].Stop();
            clocks[3].Start();
            var ids = located.SelectMany(x => x).Distinct(StringComparer.Ordinal).ToList();
            var loaded = await store.LoadAsync(applier.Definition, generation.Generation, ids, CancellationToken.None);
            clocks[3].Stop();
            clocks[2].Start();
            var (upserts, deletes) = applier.Apply(batch, located, loaded);
            clocks[2].Stop();
            clocks[4].Start();
            var end = page.Events[^1].GlobalSequenceNumber;
            var checkpoint = new CheckpointAdvance(name, owner, position, end);
            await store.CommitAsync(new ReadModelChanges(applier.Definition, generation.Generation, upserts, deletes, checkpoint), CancellationToken.None);
            clocks[4].Stop();
            (position, events, rows) = (end, events + page.Events.Count, rows + upserts.Count);
        }

        await services.GetRequiredService<IReadModelGenerationStore>()
            .EndAsync(readModel, generation.Generation, GenerationState.Cancelled, "bench profile", CancellationToken.None);
        var total = clocks.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Elapsed);
        string Part(string step, int k) => string.Create(CultureInfo.InvariantCulture, $"{step} {clocks[k].Elapsed.TotalMilliseconds:0} ms ({clocks[k].Elapsed / total:P0})");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{readModel}: {events:N0} events, {rows:N0} rows in {total.TotalMilliseconds:0} ms = {Part("read", 0)}, {Part("deserialise", 1)}, " +
            $"{Part("locate + apply", 2)}, {Part("load rows", 3)}, {Part("commit", 4)}");
    }
}

using EventFlowApp.Bench.Domain;
using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.EventStores;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Bench.Scenarios;

/// <summary>The kernel side of every measurement: what an application does through the public interfaces.</summary>
public static class KernelPaths
{
    /// <summary>One transaction per event: the account emits, <see cref="IAggregateStore.StoreAsync"/> commits.</summary>
    public static async Task SingleAppendsAsync(IAggregateStore store, LedgerAccount[] accounts, IEnumerable<PlannedEvent> plan)
    {
        foreach (var planned in plan)
        {
            var account = accounts[planned.Account];
            account.Post(planned.Posting);
            await store.StoreAsync([account], CommitContext.ForSource(SourceId("single", planned.N)), CancellationToken.None);
        }
    }

    /// <summary>One transaction per batch: every account emits one event, one StoreAsync commits them all.</summary>
    public static async Task BatchedAppendsAsync(IAggregateStore store, LedgerAccount[] accounts, IEnumerable<PlannedEvent[]> batches)
    {
        foreach (var batch in batches)
        {
            foreach (var planned in batch)
            {
                accounts[planned.Account].Post(planned.Posting);
            }

            await store.StoreAsync(accounts, CommitContext.ForSource(SourceId("batch", batch[0].N)), CancellationToken.None);
        }
    }

    /// <summary>Writes one long stream in commits of <paramref name="perCommit"/> events (snapshots are taken as the strategy says).</summary>
    public static async Task WriteStreamAsync(IServiceProvider services, LedgerAccountId id, int events, int perCommit)
    {
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IAggregateStore>();
        var account = new LedgerAccount(id);
        for (var n = 0; n < events; n++)
        {
            account.Post(Workload.Posting(n));
            if ((n + 1) % perCommit == 0 || n == events - 1)
            {
                await store.StoreAsync([account], CommitContext.ForSource(SourceId("stream", n)), CancellationToken.None);
            }
        }
    }

    public static async Task<LedgerAccount> LoadAsync(IServiceProvider services, LedgerAccountId id)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAggregateStore>().LoadAsync<LedgerAccount, LedgerAccountId>(id, CancellationToken.None);
    }

    /// <summary>The whole global stream as typed domain events, page by page.</summary>
    public static async Task<int> ReadAllDomainEventsAsync(IServiceProvider services, int pageSize)
    {
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IEventStore>();
        var (total, position) = (0, 0L);
        while (await store.LoadAllEventsAsync(position, pageSize, CancellationToken.None) is { Events.Count: > 0 } page)
        {
            total += page.Events.Count;
            position = page.NextPosition;
        }

        return total;
    }

    /// <summary>The whole global stream as stored rows, page by page.</summary>
    public static async Task<int> ReadAllRowsAsync(IServiceProvider services, int pageSize)
    {
        var persistence = services.GetRequiredService<IEventPersistence>();
        var (total, position) = (0, 0L);
        while (await persistence.LoadAllAsync(position, pageSize, CancellationToken.None) is { IsEmpty: false } page)
        {
            total += page.Events.Count;
            position = page.NextPosition;
        }

        return total;
    }

    /// <summary>The same serialised rows the kernel writes for <paramref name="plan"/> (one commit), for the raw baselines.</summary>
    public static SerializedEvent[] Serialize(IServiceProvider services, Workload workload, IReadOnlyList<PlannedEvent> plan, string sourceId)
    {
        var serializer = services.GetRequiredService<EventSerializer>();
        var context = CommitContext.ForSource(sourceId);
        var timestamp = serializer.Now();
        var aggregateName = AggregateFactory.GetName(typeof(LedgerAccount));
        return plan.Select(p => serializer.Serialize(
                aggregateName, workload.Accounts[p.Account].Value,
                new PendingEvent(p.Posting, p.Sequence, Kernel.Events.Metadata.Empty), context, timestamp))
            .ToArray();
    }

    public static string SourceId(string kind, int n) => $"bench-{kind}-{n:D7}";
}

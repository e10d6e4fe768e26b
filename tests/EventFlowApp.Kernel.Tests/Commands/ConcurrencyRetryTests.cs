using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Tests.Commands;

/// <summary>A concurrency conflict reloads and retries up to ConcurrencyRetries times, then fails clearly.</summary>
public sealed class ConcurrencyRetryTests
{
    private const int Retries = 3;

    private static (KernelHost Host, ConflictingPersistence Store) Create(int conflicts)
    {
        var store = new ConflictingPersistence(conflicts);
        var host = KernelHost.Create(
            o => o.Configure(x =>
            {
                x.ConcurrencyRetries = Retries;
                x.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            }),
            s => s.AddSingleton<IEventPersistence>(store));
        return (host, store);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(Retries)]
    public async Task Conflicts_up_to_the_retry_count_are_retried_and_the_command_succeeds(int conflicts)
    {
        var (host, store) = Create(conflicts);
        using var _ = host;
        var id = ThingId.New;

        var result = await host.CreateAsync(id, "lamp");

        Assert.True(result.IsSuccess);
        Assert.Equal(conflicts + 1, store.Commits);
        Assert.Single(await host.StreamAsync(id));
    }

    [Fact]
    public async Task One_conflict_more_than_the_retry_count_fails_clearly_and_stores_nothing()
    {
        var (host, store) = Create(Retries + 1);
        using var _ = host;
        var id = ThingId.New;
        var command = new CreateThing(id, "lamp") { SourceId = "contended" };

        var error = await Assert.ThrowsAsync<OptimisticConcurrencyException>(() => host.Bus.PublishAsync(command, KernelHost.Ct));

        Assert.Equal(Retries + 1, store.Commits);
        Assert.Contains(nameof(CreateThing), error.Message, StringComparison.Ordinal);
        Assert.Contains(id.Value, error.Message, StringComparison.Ordinal);
        Assert.Contains($"{Retries + 1} times", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing of it was stored", error.Message, StringComparison.Ordinal);
        Assert.IsType<OptimisticConcurrencyException>(error.InnerException);
        Assert.Empty(await host.AllAsync());
        Assert.Null(await host.Persistence.GetCommandAsync("contended", KernelHost.Ct));
    }

    [Fact]
    public async Task Zero_retries_fails_on_the_first_conflict()
    {
        var store = new ConflictingPersistence(1);
        using var host = KernelHost.Create(o => o.Configure(x => x.ConcurrencyRetries = 0), s => s.AddSingleton<IEventPersistence>(store));

        await Assert.ThrowsAsync<OptimisticConcurrencyException>(() => host.CreateAsync(ThingId.New));

        Assert.Equal(1, store.Commits);
    }

    [Fact]
    public async Task A_retry_decides_again_on_the_freshly_loaded_aggregate()
    {
        var (host, _) = Create(0);
        using var __ = host;
        var id = ThingId.New;
        await host.CreateAsync(id);
        var hits = 0;
        var racing = new RacingPersistence(host.Persistence, async () =>
        {
            // Another writer gets in between our load and our commit, once.
            if (hits++ == 0)
            {
                await host.Persistence.CommitAsync(await AnotherCountAsync(host, id), KernelHost.Ct);
            }
        });
        using var raced = KernelHost.Create(before: s => s.AddSingleton<IEventPersistence>(racing));

        var result = await raced.CountAsync(id, 10);

        Assert.Equal(11, result.Total);
        Assert.Equal(11, (await raced.LoadAsync(id)).State.Total);
        Assert.Equal([1L, 2, 3], (await raced.StreamAsync(id)).Select(e => e.Event.AggregateSequenceNumber));
    }

    [Fact]
    public async Task Parallel_commands_on_one_aggregate_all_succeed_through_retries()
    {
        using var host = KernelHost.Create(o => o.Configure(x => x.ConcurrencyRetries = 50));
        var id = ThingId.New;
        await host.CreateAsync(id);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => host.Bus.PublishAsync(new CountThing(id, 1), KernelHost.Ct))));

        Assert.All(results, r => Assert.True(r.IsSuccess));
        Assert.Equal(Enumerable.Range(1, 8), results.Select(r => r.Total).Order());
        Assert.Equal(8, (await host.LoadAsync(id)).State.Total);
        Assert.Equal(9, (await host.StreamAsync(id)).Count);
    }

    private static async Task<CommitBatch> AnotherCountAsync(KernelHost host, ThingId id)
    {
        var thing = await host.LoadAsync(id);
        thing.Count(1);
        var serializer = host.Get<EventSerializer>();
        return new CommitBatch([serializer.Serialize(thing, CommitContext.ForSource("other-writer"), serializer.Now())], null);
    }

    /// <summary>Runs <paramref name="beforeCommit"/> before every commit, to let another writer in.</summary>
    private sealed class RacingPersistence(IEventPersistence inner, Func<Task> beforeCommit) : DecoratingPersistence(inner)
    {
        public override async Task<IReadOnlyList<CommittedEvent>> CommitAsync(CommitBatch batch, CancellationToken cancellationToken)
        {
            await beforeCommit();
            return await base.CommitAsync(batch, cancellationToken);
        }
    }
}

using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Tests.Aggregates;

/// <summary>StoreAsync commits the new events of several aggregates in one batch: all or nothing.</summary>
public sealed class StoringSeveralAggregatesTests : IDisposable
{
    private readonly BatchRecorder _store = new();
    private readonly KernelHost _host;

    public StoringSeveralAggregatesTests() =>
        _host = KernelHost.Create(before: s => s.AddSingleton<IEventPersistence>(_store));

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task The_events_of_all_aggregates_are_committed_in_one_batch()
    {
        var a = await _host.LoadAsync(ThingId.New);
        var b = await _host.LoadAsync(ThingId.New);
        a.Create("lamp");
        a.Count(2);
        b.Create("chair");

        var committed = await _host.Aggregates.StoreAsync([a, b], CommitContext.ForSource("import-1", "bob"), KernelHost.Ct);

        var batch = Assert.Single(_store.Batches);
        Assert.Equal([a.Id.Value, b.Id.Value], batch.Streams.Select(s => s.AggregateId));
        Assert.Null(batch.Command);
        Assert.Equal([1L, 2, 3], committed.Select(e => e.GlobalSequenceNumber));
        Assert.Equal([typeof(ThingCreated), typeof(ThingCounted), typeof(ThingCreated)], committed.Select(e => e.EventType));
        Assert.All(committed, e => Assert.Equal("import-1", e.Metadata.SourceId));
        Assert.All(committed, e => Assert.Equal("bob", e.Metadata.UserId));
        Assert.Empty(a.UncommittedEvents);
        Assert.Empty(b.UncommittedEvents);
        Assert.Equal(2, (await _host.LoadAsync(a.Id)).State.Total);
        Assert.Equal("chair", (await _host.LoadAsync(b.Id)).State.Name);
    }

    [Fact]
    public async Task Aggregates_without_new_events_are_left_out_and_an_empty_store_commits_nothing()
    {
        var untouched = await _host.LoadAsync(ThingId.New);

        var committed = await _host.Aggregates.StoreAsync([untouched], CommitContext.ForSource("nothing"), KernelHost.Ct);

        Assert.Empty(committed);
        Assert.Empty(_store.Batches);
    }

    [Fact]
    public async Task When_one_aggregate_conflicts_none_is_stored()
    {
        var contested = ThingId.New;
        var a = await _host.LoadAsync(ThingId.New);
        var b = await _host.LoadAsync(contested);
        await _host.CreateAsync(contested, "someone else's");
        a.Create("lamp");
        b.Create("chair");

        await Assert.ThrowsAsync<OptimisticConcurrencyException>(
            () => _host.Aggregates.StoreAsync([a, b], CommitContext.ForSource("import-2"), KernelHost.Ct));

        Assert.Empty(await _host.StreamAsync(a.Id));
        Assert.Equal("someone else's", (await _host.LoadAsync(contested)).State.Name);
    }

    [Fact]
    public async Task The_same_aggregate_twice_in_one_store_is_rejected()
    {
        var id = ThingId.New;
        var first = await _host.LoadAsync(id);
        var second = await _host.LoadAsync(id);
        first.Create("lamp");
        second.Create("lamp");

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => _host.Aggregates.StoreAsync([first, second], CommitContext.ForSource("import-3"), KernelHost.Ct));

        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _host.AllAsync());
    }

    private sealed class BatchRecorder() : DecoratingPersistence(new InMemoryEventPersistence())
    {
        public List<CommitBatch> Batches { get; } = [];

        public override Task<IReadOnlyList<CommittedEvent>> CommitAsync(CommitBatch batch, CancellationToken cancellationToken)
        {
            Batches.Add(batch);
            return base.CommitAsync(batch, cancellationToken);
        }
    }
}

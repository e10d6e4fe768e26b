using EventFlowApp.Kernel.EventStores;

namespace EventFlowApp.Kernel.Tests.EventStores;

/// <summary>Writers on several tasks never lose or duplicate a position; a tailing reader misses nothing.</summary>
public sealed class InMemoryConcurrentWritersTests
{
    private const int Writers = 8;
    private const int CommitsPerWriter = 60;

    private readonly InMemoryEventPersistence _store = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_writers_get_every_position_exactly_once_in_commit_order()
    {
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteAsync($"w{w}", eventsPerCommit: 1 + (w % 3)), Ct)));

        var all = (await _store.LoadAllAsync(0, int.MaxValue, Ct)).Events;
        var expectedCount = Enumerable.Range(0, Writers).Sum(w => CommitsPerWriter * (1 + (w % 3)));
        Assert.Equal(Enumerable.Range(1, expectedCount).Select(i => (long)i), all.Select(e => e.GlobalSequenceNumber));
        Assert.Equal(expectedCount, all.Select(e => e.Event.EventId).Distinct().Count());
        foreach (var stream in all.GroupBy(e => e.Event.AggregateId))
        {
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(i => (long)i), stream.Select(e => e.Event.AggregateSequenceNumber));
        }
    }

    [Fact]
    public async Task Writers_racing_on_one_stream_get_conflicts_never_a_lost_or_doubled_event()
    {
        var appended = 0;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(
            async () =>
            {
                for (var i = 0; i < 40; i++)
                {
                    var version = (await _store.LoadStreamAsync("shared", 1, long.MaxValue, Ct)).Count;
                    try
                    {
                        await _store.CommitAsync(new CommitBatch([InMemoryEventPersistenceTests.Append("shared", version)], null), Ct);
                        Interlocked.Increment(ref appended);
                    }
                    catch (OptimisticConcurrencyException)
                    {
                    }
                }
            },
            Ct)));

        var stream = await _store.LoadStreamAsync("shared", 1, long.MaxValue, Ct);
        Assert.Equal(appended, stream.Count);
        Assert.Equal(Enumerable.Range(1, appended).Select(i => (long)i), stream.Select(e => e.Event.AggregateSequenceNumber));
        Assert.Equal(Enumerable.Range(1, appended).Select(i => (long)i), stream.Select(e => e.GlobalSequenceNumber));
    }

    [Fact]
    public async Task A_reader_tailing_during_the_writes_sees_every_event_once_in_order()
    {
        using var done = new CancellationTokenSource();
        var reader = Task.Run(() => TailAsync(done.Token), Ct);

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteAsync($"w{w}", eventsPerCommit: 2), Ct)));
        var head = await _store.GetHeadPositionAsync(Ct);
        done.Cancel();
        var seen = await reader;
        seen.AddRange((await _store.LoadAllAsync(seen.Count == 0 ? 0 : seen[^1], int.MaxValue, Ct)).Events.Select(e => e.GlobalSequenceNumber));

        Assert.Equal(Writers * CommitsPerWriter * 2, head);
        Assert.Equal(Enumerable.Range(1, (int)head).Select(i => (long)i), seen);
    }

    private async Task WriteAsync(string aggregateId, int eventsPerCommit)
    {
        for (var i = 0; i < CommitsPerWriter; i++)
        {
            await _store.CommitAsync(new CommitBatch([InMemoryEventPersistenceTests.Append(aggregateId, i * eventsPerCommit, eventsPerCommit)], null), Ct);
            if (i % 10 == 0)
            {
                await Task.Yield();
            }
        }
    }

    private async Task<List<long>> TailAsync(CancellationToken stop)
    {
        var seen = new List<long>();
        var position = 0L;
        while (!stop.IsCancellationRequested)
        {
            var page = await _store.LoadAllAsync(position, 7, Ct);
            seen.AddRange(page.Events.Select(e => e.GlobalSequenceNumber));
            position = page.NextPosition;
            if (page.IsEmpty)
            {
                await Task.Yield();
            }
        }

        return seen;
    }
}

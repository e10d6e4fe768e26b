using System.Collections.Concurrent;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Storage.Tests.Domain;

namespace EventFlowApp.Storage.Tests.Suite;

public abstract partial class EventStoreConformanceSuite
{
    [Fact]
    public async Task A_stale_version_is_a_conflict_that_names_the_aggregate_and_stores_nothing()
    {
        var id = NoteId.New;
        await WriteAsync(id, "one");
        var first = await LoadAsync(id);
        var second = await LoadAsync(id);
        first.Write("from first");
        await Aggregates.StoreAsync([first], CommitContext.ForSource("a"), Ct);
        second.Write("from second");

        var error = await Assert.ThrowsAsync<OptimisticConcurrencyException>(
            () => Aggregates.StoreAsync([second], CommitContext.ForSource("b"), Ct));

        Assert.Contains(id.Value, error.Message, StringComparison.Ordinal);
        Assert.Equal(["one", "from first"], (await LoadAsync(id)).State.Lines);
    }

    [Fact]
    public async Task Concurrent_commands_on_one_aggregate_either_commit_or_fail_clearly()
    {
        var id = NoteId.New;
        await WriteAsync(id, "start");
        var failures = new ConcurrentBag<Exception>();
        var successes = 0;

        await Task.WhenAll(Enumerable.Range(0, 6).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 8; i++)
            {
                try
                {
                    await WriteAsync(id, $"{writer}-{i}");
                    Interlocked.Increment(ref successes);
                }
                catch (OptimisticConcurrencyException e)
                {
                    failures.Add(e);
                }
            }
        })));

        var note = await LoadAsync(id);
        Assert.Equal(1 + successes, note.Version);
        Assert.Equal(48, successes + failures.Count);
        Assert.All(failures, f => Assert.Contains("gave up", f.Message, StringComparison.Ordinal));
        Assert.Equal(note.Version, (await AllEventsAsync()).Count);
    }

    [Fact]
    public async Task A_tailing_reader_never_skips_events_of_interleaved_concurrent_writers()
    {
        using var writersDone = new CancellationTokenSource();
        var seen = new List<long>();
        var reader = Task.Run(async () =>
        {
            var position = 0L;
            var finalPass = false;
            for (var rounds = 0; rounds < 100_000; rounds++)
            {
                var page = await Persistence.LoadAllAsync(position, 7, Ct);
                seen.AddRange(page.Events.Select(e => e.GlobalSequenceNumber));
                position = page.NextPosition;
                if (page.IsEmpty)
                {
                    if (finalPass)
                    {
                        return;
                    }

                    finalPass = writersDone.IsCancellationRequested;
                    await Task.Delay(1, Ct);
                }
            }

            throw new TimeoutException("The reader did not catch up.");
        }, Ct);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                var notes = Enumerable.Range(0, 1 + (i % 3)).Select(_ => new Note(NoteId.New)).ToList();
                notes.ForEach(n => n.Write($"{writer}/{i}"));
                await Aggregates.StoreAsync(notes, CommitContext.ForSource($"w{writer}-{i}"), Ct);
            }
        }, Ct)));
        await writersDone.CancelAsync();
        await reader;

        var all = (await AllEventsAsync()).Select(e => e.GlobalSequenceNumber).ToList();
        Assert.Equal(4 * (14 * 1 + 13 * 2 + 13 * 3), all.Count);
        Assert.Equal(all, seen);
    }
}

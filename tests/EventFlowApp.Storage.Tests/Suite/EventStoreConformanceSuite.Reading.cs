using EventFlowApp.Storage.Tests.Domain;

namespace EventFlowApp.Storage.Tests.Suite;

public abstract partial class EventStoreConformanceSuite
{
    [Fact]
    public async Task An_empty_store_has_head_zero_and_no_events()
    {
        Assert.Equal(0, await Persistence.GetHeadPositionAsync(Ct));
        var page = await Persistence.LoadAllAsync(0, 10, Ct);
        Assert.True(page.IsEmpty);
        Assert.Equal(0, page.NextPosition);
        Assert.Empty(await Persistence.LoadStreamAsync(NoteId.New.Value, 1, long.MaxValue, Ct));
    }

    [Fact]
    public async Task Paging_skips_over_large_gaps_in_the_global_sequence()
    {
        var id = NoteId.New;
        for (var i = 0; i < 15; i++)
        {
            if (i is 5)
            {
                await Target.CreateGapAsync(Services, 1_000_000);
            }

            if (i is 10)
            {
                await Target.CreateGapAsync(Services, 10_000_000);
            }

            await WriteAsync(id, $"line {i}");
        }

        var seen = new List<long>();
        var position = 0L;
        for (var pages = 0; pages < 100; pages++)
        {
            var page = await Persistence.LoadAllAsync(position, 4, Ct);
            if (page.IsEmpty)
            {
                Assert.Equal(position, page.NextPosition);
                break;
            }

            Assert.InRange(page.Events.Count, 1, 4);
            seen.AddRange(page.Events.Select(e => e.GlobalSequenceNumber));
            position = page.NextPosition;
        }

        Assert.Equal(15, seen.Count);
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.True(seen[5] - seen[4] >= 1_000_000, $"expected a gap, got {seen[4]} -> {seen[5]}");
        Assert.True(seen[10] - seen[9] >= 10_000_000, $"expected a gap, got {seen[9]} -> {seen[10]}");
        Assert.Equal(seen[^1], await Persistence.GetHeadPositionAsync(Ct));
        Assert.Equal(Enumerable.Range(0, 15).Select(i => $"line {i}"), (await LoadAsync(id)).State.Lines);
    }

    [Fact]
    public async Task A_stream_reads_within_the_asked_sequence_range()
    {
        var id = NoteId.New;
        var other = NoteId.New;
        for (var i = 1; i <= 6; i++)
        {
            await WriteAsync(id, $"{i}");
            await WriteAsync(other, $"other {i}");
        }

        var middle = await Persistence.LoadStreamAsync(id.Value, 2, 4, Ct);

        Assert.Equal([2L, 3L, 4L], middle.Select(e => e.Event.AggregateSequenceNumber));
        Assert.All(middle, e => Assert.Equal(id.Value, e.Event.AggregateId));
    }
}

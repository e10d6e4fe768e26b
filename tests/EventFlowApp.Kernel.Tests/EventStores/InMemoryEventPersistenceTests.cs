using EventFlowApp.Kernel.EventStores;

namespace EventFlowApp.Kernel.Tests.EventStores;

/// <summary>The in-memory store keeps the guarantees of the database stores.</summary>
public sealed class InMemoryEventPersistenceTests
{
    private static readonly DateTime At = new(2025, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly InMemoryEventPersistence _store = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static StreamAppend Append(string aggregateId, long expectedVersion, int count = 1) =>
        new("Thing", aggregateId, expectedVersion, Enumerable.Range(1, count)
            .Select(i => new SerializedEvent(Guid.NewGuid(), "Thing", aggregateId, expectedVersion + i, "ThingPoked", 1, "{}", "{}", At))
            .ToList());

    private Task<IReadOnlyList<CommittedEvent>> CommitAsync(string aggregateId, long expectedVersion, int count = 1, CommandRecord? command = null) =>
        _store.CommitAsync(new CommitBatch([Append(aggregateId, expectedVersion, count)], command), Ct);

    private static CommandRecord Command(string sourceId, string aggregateId) => new(sourceId, "PokeThing", "Thing", aggregateId, "{}", At);

    [Fact]
    public async Task An_empty_store_has_head_zero_and_an_empty_first_page()
    {
        var page = await _store.LoadAllAsync(0, 10, Ct);

        Assert.True(page.IsEmpty);
        Assert.Equal(0, page.NextPosition);
        Assert.Equal(0, await _store.GetHeadPositionAsync(Ct));
    }

    [Fact]
    public async Task Paging_follows_the_global_order_over_gaps()
    {
        await CommitAsync("a", 0, 3);
        _store.SkipPositions(5);
        await CommitAsync("b", 0, 2);
        _store.SkipPositions(2);
        await CommitAsync("a", 3);

        var seen = new List<long>();
        var pages = new List<long>();
        var position = 0L;
        while (await _store.LoadAllAsync(position, 2, Ct) is { IsEmpty: false } page)
        {
            seen.AddRange(page.Events.Select(e => e.GlobalSequenceNumber));
            pages.Add(page.NextPosition);
            position = page.NextPosition;
        }

        Assert.Equal([1L, 2, 3, 9, 10, 13], seen);
        Assert.Equal([2L, 9, 13], pages);
        Assert.Equal(13, await _store.GetHeadPositionAsync(Ct));
    }

    [Theory]
    [InlineData(3, 9)]
    [InlineData(5, 9)]
    [InlineData(8, 9)]
    [InlineData(9, 10)]
    public async Task A_read_after_a_position_inside_or_before_a_gap_starts_at_the_next_event(long after, long first)
    {
        await CommitAsync("a", 0, 3);
        _store.SkipPositions(5);
        await CommitAsync("b", 0, 2);

        var page = await _store.LoadAllAsync(after, 10, Ct);

        Assert.Equal(first, page.Events[0].GlobalSequenceNumber);
        Assert.Equal(10, page.NextPosition);
    }

    [Fact]
    public async Task An_empty_page_at_the_head_keeps_the_position_asked_for()
    {
        await CommitAsync("a", 0, 2);
        _store.SkipPositions(3);

        var page = await _store.LoadAllAsync(2, 10, Ct);

        Assert.True(page.IsEmpty);
        Assert.Equal(2, page.NextPosition);
    }

    [Fact]
    public async Task A_page_size_below_one_is_rejected() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.LoadAllAsync(0, 0, Ct));

    [Fact]
    public async Task A_stream_is_read_within_the_asked_sequence_range()
    {
        await CommitAsync("a", 0, 5);
        await CommitAsync("b", 0, 2);

        var range = await _store.LoadStreamAsync("a", 2, 4, Ct);

        Assert.Equal([2L, 3, 4], range.Select(e => e.Event.AggregateSequenceNumber));
        Assert.Empty(await _store.LoadStreamAsync("missing", 1, long.MaxValue, Ct));
    }

    [Fact]
    public async Task A_stale_expected_version_conflicts_and_writes_nothing()
    {
        await CommitAsync("a", 0, 2);

        var error = await Assert.ThrowsAsync<OptimisticConcurrencyException>(
            () => _store.CommitAsync(new CommitBatch([Append("b", 0), Append("a", 1)], Command("c1", "a")), Ct));

        Assert.Equal("a", error.AggregateId);
        Assert.Equal(1, error.ExpectedVersion);
        Assert.Empty(await _store.LoadStreamAsync("b", 1, long.MaxValue, Ct));
        Assert.Null(await _store.GetCommandAsync("c1", Ct));
        Assert.Equal(3, (await CommitAsync("b", 0))[0].GlobalSequenceNumber);
    }

    [Fact]
    public async Task A_recorded_source_id_is_refused_and_writes_nothing()
    {
        await CommitAsync("a", 0, command: Command("c1", "a"));

        var error = await Assert.ThrowsAsync<DuplicateCommandException>(() => CommitAsync("a", 1, command: Command("c1", "a")));

        Assert.Equal("c1", error.SourceId);
        Assert.Single(await _store.LoadStreamAsync("a", 1, long.MaxValue, Ct));
    }

    [Fact]
    public async Task A_stored_event_id_cannot_be_stored_again()
    {
        var first = await CommitAsync("a", 0);
        var clash = Append("b", 0).Events[0] with { EventId = first[0].Event.EventId };

        await Assert.ThrowsAsync<OptimisticConcurrencyException>(
            () => _store.CommitAsync(new CommitBatch([new StreamAppend("Thing", "b", 0, [clash])], null), Ct));

        Assert.Equal(1, await _store.GetHeadPositionAsync(Ct));
    }

    [Fact]
    public async Task Malformed_batches_are_rejected_before_anything_is_written()
    {
        var gap = Append("a", 0, 2);
        var numberedWrong = gap with { Events = [gap.Events[0], gap.Events[1] with { AggregateSequenceNumber = 3 }] };
        var local = Append("b", 0);
        var notUtc = local with { Events = [local.Events[0] with { TimestampUtc = DateTime.SpecifyKind(At, DateTimeKind.Local) }] };

        await Assert.ThrowsAsync<ArgumentException>(() => _store.CommitAsync(new CommitBatch([numberedWrong], null), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.CommitAsync(new CommitBatch([notUtc], null), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.CommitAsync(new CommitBatch([Append("c", 0), Append("c", 0)], null), Ct));
        Assert.Equal(0, await _store.GetHeadPositionAsync(Ct));
    }
}

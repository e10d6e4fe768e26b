using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.Commands;

/// <summary>A command's events are stored with every metadata key the kernel promises.</summary>
public sealed class StoredEventMetadataTests : IDisposable
{
    private readonly KernelHost _host = KernelHost.Create();
    private readonly ThingId _id = ThingId.New;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_command_runs_its_handler_and_stores_the_events_in_order()
    {
        await _host.CreateAsync(_id, "lamp");
        var result = await _host.CountAsync(_id, by: 2, times: 3);

        Assert.True(result.IsSuccess);
        Assert.False(result.WasDuplicate);
        Assert.Equal(6, result.Total);
        var stream = await _host.StreamAsync(_id);
        Assert.Equal(["ThingCreated", "ThingCounted", "ThingCounted", "ThingCounted"], stream.Select(e => e.Event.EventName));
        Assert.Equal([1L, 2, 3, 4], stream.Select(e => e.Event.AggregateSequenceNumber));
        Assert.All(stream, e => Assert.Equal("Thing", e.Event.AggregateName));
        Assert.Equal(6, (await _host.LoadAsync(_id)).State.Total);
    }

    [Fact]
    public async Task Every_event_carries_the_commands_ids_user_and_free_metadata()
    {
        _host.Clock.Advance(TimeSpan.FromTicks(1234567)); // sub-microsecond ticks are cut
        await _host.CreateAsync(_id, "lamp");
        var command = new CountThing(_id, 1, Times: 2)
        {
            SourceId = "request-77",
            CorrelationId = "correlation-1",
            CausationId = "cause-9",
            UserId = "alice",
            Metadata = Metadata.Empty.With("tenant", "acme").With("ip", "10.0.0.1"),
        };

        var committed = await _host.Bus.PublishAsync(command, KernelHost.Ct);

        var events = (await _host.Events.LoadEventsAsync<Thing, ThingId>(_id, KernelHost.Ct, fromSequenceNumber: 2)).ToList();
        Assert.Equal(2, events.Count);
        var expectedTime = new DateTimeOffset(KernelHost.Start.UtcTicks + 1234560, TimeSpan.Zero);
        foreach (var e in events)
        {
            var m = e.Metadata;
            Assert.Equal(DeterministicGuid.Create(DeterministicGuid.EventIdNamespace, $"{_id.Value}-v{e.AggregateSequenceNumber}"), e.EventId);
            Assert.Equal(m.EventId, e.EventId);
            Assert.Equal(expectedTime, e.Timestamp);
            Assert.Equal(TimeSpan.Zero, e.Timestamp.Offset);
            Assert.Equal("request-77", m.SourceId);
            Assert.Equal("correlation-1", m.CorrelationId);
            Assert.Equal("cause-9", m.CausationId);
            Assert.Equal("alice", m.UserId);
            Assert.Equal("acme", m["tenant"]);
            Assert.Equal("10.0.0.1", m["ip"]);
            Assert.Equal("ThingCounted", m.EventName);
            Assert.Equal(1, m.EventVersion);
            Assert.Equal("Thing", m.AggregateName);
            Assert.Equal(_id.Value, m.AggregateId);
            Assert.Equal(_id, e.AggregateIdentity);
            Assert.Equal(new ThingCounted(1), Assert.IsType<ThingCounted>(e.GetAggregateEvent()));
        }

        Assert.Equal([2L, 3], events.Select(e => e.AggregateSequenceNumber));
        Assert.Equal([2L, 3], events.Select(e => e.GlobalSequenceNumber));
        Assert.Equal(2, committed.Total);
    }

    [Fact]
    public async Task Correlation_and_causation_default_to_the_source_id_and_no_user_is_recorded()
    {
        await _host.Bus.PublishAsync(new CreateThing(_id, "lamp") { SourceId = "create-1" }, KernelHost.Ct);

        var e = Assert.Single(await _host.Events.LoadEventsAsync<Thing, ThingId>(_id, KernelHost.Ct));
        Assert.Equal("create-1", e.Metadata.SourceId);
        Assert.Equal("create-1", e.Metadata.CorrelationId);
        Assert.Equal("create-1", e.Metadata.CausationId);
        Assert.Null(e.Metadata.UserId);
    }

    [Fact]
    public async Task Global_sequence_numbers_run_across_aggregates_and_aggregate_numbers_per_aggregate()
    {
        var other = ThingId.New;
        await _host.CreateAsync(_id);
        await _host.CreateAsync(other);
        await _host.CountAsync(_id);
        await _host.CountAsync(other);

        var all = await _host.AllAsync();

        Assert.Equal([1L, 2, 3, 4], all.Select(e => e.GlobalSequenceNumber));
        Assert.Equal([1L, 1, 2, 2], all.Select(e => e.Event.AggregateSequenceNumber));
        Assert.Equal([_id.Value, other.Value, _id.Value, other.Value], all.Select(e => e.Event.AggregateId));
        Assert.Equal(4, await _host.Persistence.GetHeadPositionAsync(KernelHost.Ct));
    }

    [Fact]
    public async Task The_stored_timestamp_is_utc_and_follows_the_injected_clock()
    {
        await _host.CreateAsync(_id);
        _host.Clock.Advance(TimeSpan.FromHours(5));
        await _host.CountAsync(_id);

        var stream = await _host.StreamAsync(_id);

        Assert.All(stream, e => Assert.Equal(DateTimeKind.Utc, e.Event.TimestampUtc.Kind));
        Assert.Equal(KernelHost.Start.UtcDateTime, stream[0].Event.TimestampUtc);
        Assert.Equal(KernelHost.Start.AddHours(5).UtcDateTime, stream[1].Event.TimestampUtc);
    }

    [Fact]
    public async Task Event_ids_are_unique_and_the_same_for_the_same_aggregate_and_sequence()
    {
        await _host.CreateAsync(_id);
        await _host.CountAsync(_id, 1, times: 3);
        using var replay = KernelHost.Create();
        await replay.CreateAsync(_id);
        await replay.CountAsync(_id, 1, times: 3);

        var first = (await _host.StreamAsync(_id)).Select(e => e.Event.EventId).ToList();
        var second = (await replay.StreamAsync(_id)).Select(e => e.Event.EventId).ToList();

        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.Equal(first, second);
    }
}

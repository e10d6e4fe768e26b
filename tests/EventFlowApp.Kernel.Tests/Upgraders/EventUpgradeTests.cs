using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.Upgraders;

/// <summary>Old stored events are upgraded on read, one version at a time, and never rewritten.</summary>
public sealed class EventUpgradeTests : IDisposable
{
    private readonly KernelHost _host = KernelHost.Create(o => o
        .AddUpgrader<ThingLabelledV1ToV2>()
        .AddUpgrader<ThingLabelledV2ToThingRenamedV3>());

    private readonly ThingId _id = ThingId.New;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_v1_event_loads_as_the_current_v3_class_with_its_new_name_and_fields()
    {
        await _host.CreateAsync(_id, "lamp");
        await _host.Persistence.AppendAsync(_id, 1, ("ThingLabelled", 1, """{"label":"desk lamp"}"""));

        var e = (await _host.Events.LoadEventsAsync<Thing, ThingId>(_id, KernelHost.Ct))[1];

        Assert.Equal(new ThingRenamed("desk lamp", null), e.GetAggregateEvent());
        Assert.Equal(2, e.AggregateSequenceNumber);
    }

    [Fact]
    public async Task A_v2_event_enters_the_chain_in_the_middle()
    {
        await _host.CreateAsync(_id, "lamp");
        await _host.Persistence.AppendAsync(_id, 1, ("ThingLabelled", 2, """{"label":"desk lamp","previous":"lamp"}"""));

        var e = (await _host.Events.LoadEventsAsync<Thing, ThingId>(_id, KernelHost.Ct))[1];

        Assert.Equal(new ThingRenamed("desk lamp", "lamp"), e.GetAggregateEvent());
    }

    [Fact]
    public async Task Upgraded_events_fold_into_the_aggregate_beside_current_ones()
    {
        await _host.CreateAsync(_id, "lamp");
        await _host.Persistence.AppendAsync(
            _id,
            1,
            ("ThingLabelled", 1, """{"label":"desk lamp"}"""),
            ("ThingLabelled", 2, """{"label":"reading lamp","previous":"desk lamp"}"""));
        await _host.Bus.PublishAsync(new RenameThing(_id, "floor lamp"), KernelHost.Ct);

        var thing = await _host.LoadAsync(_id);

        Assert.Equal("floor lamp", thing.State.Name);
        Assert.Equal(3, thing.State.Renames);
        Assert.Equal(4, thing.Version);
    }

    [Fact]
    public async Task The_stored_row_is_not_rewritten()
    {
        await _host.Persistence.AppendAsync(_id, 0, ("ThingLabelled", 1, """{"label":"desk lamp"}"""));
        await _host.LoadAsync(_id);

        var row = Assert.Single(await _host.StreamAsync(_id)).Event;

        Assert.Equal(("ThingLabelled", 1, """{"label":"desk lamp"}"""), (row.EventName, row.EventVersion, row.Data));
    }

    [Fact]
    public async Task Reading_the_global_stream_upgrades_too()
    {
        await _host.Persistence.AppendAsync(_id, 0, ("ThingLabelled", 1, """{"label":"desk lamp"}"""));

        var page = await _host.Events.LoadAllEventsAsync(0, 10, KernelHost.Ct);

        Assert.Equal(typeof(ThingRenamed), Assert.Single(page.Events).EventType);
        Assert.Equal(_id, page.Events[0].GetIdentity());
    }

    [Fact]
    public async Task An_unknown_event_name_names_the_event_version_and_global_position()
    {
        await _host.CreateAsync(_id, "lamp");
        await _host.CreateAsync(ThingId.New);
        await _host.Persistence.AppendAsync(_id, 1, ("ThingVanished", 4, """{}"""));

        var error = await Assert.ThrowsAsync<EventReadException>(() => _host.LoadAsync(_id));

        Assert.Contains("ThingVanished v4", error.Message, StringComparison.Ordinal);
        Assert.Contains("global position 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("no event named 'ThingVanished'", error.Message, StringComparison.Ordinal);
        Assert.Equal(("ThingVanished", 4, 3L), (error.EventName, error.EventVersion, error.GlobalSequenceNumber));
    }

    [Fact]
    public async Task A_known_name_with_a_version_no_upgrader_reaches_says_so()
    {
        await _host.Persistence.AppendAsync(_id, 0, ("ThingCounted", 7, """{"by":1}"""));

        var error = await Assert.ThrowsAsync<EventReadException>(() => _host.LoadAsync(_id));

        Assert.Contains("version 7 of 'ThingCounted'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_an_upgrader_cannot_parse_is_an_event_read_error()
    {
        await _host.Persistence.AppendAsync(_id, 0, ("ThingLabelled", 1, "[1,2]"));

        var error = await Assert.ThrowsAsync<EventReadException>(() => _host.LoadAsync(_id));

        Assert.Contains("upgrading failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("ThingLabelled v1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_upgraders_the_old_event_cannot_be_read()
    {
        using var bare = KernelHost.Create();
        await bare.Persistence.AppendAsync(_id, 0, ("ThingLabelled", 1, """{"label":"desk lamp"}"""));

        var error = await Assert.ThrowsAsync<EventReadException>(() => bare.LoadAsync(_id));

        Assert.Contains("ThingLabelled v1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Current_data_that_does_not_fit_the_class_is_an_event_read_error()
    {
        await _host.Persistence.AppendAsync(_id, 0, ("ThingCounted", 1, """{"by":"many"}"""));

        var error = await Assert.ThrowsAsync<EventReadException>(() => _host.LoadAsync(_id));

        Assert.Contains("ThingCounted v1", error.Message, StringComparison.Ordinal);
        Assert.Contains("global position 1", error.Message, StringComparison.Ordinal);
    }
}

using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.Commands;

/// <summary>A source id is remembered durably: sending it again has no second effect and says so.</summary>
public sealed class DuplicateCommandTests : IDisposable
{
    private readonly KernelHost _host = KernelHost.Create();
    private readonly ThingId _id = ThingId.New;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task The_same_source_id_again_returns_the_first_result_marked_duplicate_and_appends_nothing()
    {
        await _host.CreateAsync(_id);
        var command = new CountThing(_id, 5) { SourceId = "count-once" };

        var first = await _host.Bus.PublishAsync(command, KernelHost.Ct);
        var second = await _host.Bus.PublishAsync(command, KernelHost.Ct);

        Assert.False(first.WasDuplicate);
        Assert.True(second.WasDuplicate);
        Assert.True(second.IsSuccess);
        Assert.Empty(second.Errors);
        Assert.Equal(5, second.Total);
        Assert.Equal(2, (await _host.AllAsync()).Count);
        Assert.Equal(5, (await _host.LoadAsync(_id)).State.Total);
    }

    [Fact]
    public async Task A_new_command_object_with_the_same_source_id_is_a_duplicate_even_with_other_arguments()
    {
        await _host.CreateAsync(_id);
        await _host.Bus.PublishAsync(new CountThing(_id, 5) { SourceId = "count-once" }, KernelHost.Ct);

        var again = await _host.Bus.PublishAsync(new CountThing(_id, 7) { SourceId = "count-once" }, KernelHost.Ct);

        Assert.True(again.WasDuplicate);
        Assert.Equal(5, again.Total);
        Assert.Equal(5, (await _host.LoadAsync(_id)).State.Total);
    }

    [Fact]
    public async Task The_source_id_is_remembered_after_fifty_other_commands()
    {
        await _host.CreateAsync(_id);
        var command = new CountThing(_id, 1) { SourceId = "early" };
        await _host.Bus.PublishAsync(command, KernelHost.Ct);
        for (var i = 0; i < 50; i++)
        {
            await _host.CountAsync(_id, 2);
        }

        var again = await _host.Bus.PublishAsync(command, KernelHost.Ct);

        Assert.True(again.WasDuplicate);
        Assert.Equal(1, again.Total);
        Assert.Equal(52, (await _host.StreamAsync(_id)).Count);
        Assert.Equal(101, (await _host.LoadAsync(_id)).State.Total);
    }

    [Fact]
    public async Task A_duplicate_of_a_create_is_not_refused_as_already_existing()
    {
        var create = new CreateThing(_id, "lamp") { SourceId = "create-lamp" };
        await _host.Bus.PublishAsync(create, KernelHost.Ct);

        var again = await _host.Bus.PublishAsync(create, KernelHost.Ct);

        Assert.True(again.IsSuccess);
        Assert.True(again.WasDuplicate);
        Assert.Single(await _host.StreamAsync(_id));
    }

    [Fact]
    public async Task The_source_id_is_remembered_by_the_store_not_by_the_bus_instance()
    {
        var create = new CreateThing(_id, "lamp") { SourceId = "create-lamp" };
        await _host.Bus.PublishAsync(create, KernelHost.Ct);

        var record = await _host.Persistence.GetCommandAsync("create-lamp", KernelHost.Ct);

        Assert.NotNull(record);
        Assert.Equal(_id.Value, record.AggregateId);
        Assert.Equal("Thing", record.AggregateName);
        Assert.Equal(nameof(CreateThing), record.CommandName);
        Assert.Equal(KernelHost.Start.UtcDateTime, record.RecordedAtUtc);
    }

    [Fact]
    public async Task Reusing_a_source_id_for_another_aggregate_is_a_clear_error_and_stores_nothing()
    {
        var other = ThingId.New;
        await _host.Bus.PublishAsync(new CreateThing(_id, "lamp") { SourceId = "shared" }, KernelHost.Ct);

        var error = await Assert.ThrowsAsync<SourceIdReusedException>(
            () => _host.Bus.PublishAsync(new CreateThing(other, "chair") { SourceId = "shared" }, KernelHost.Ct));

        Assert.Contains("shared", error.Message, StringComparison.Ordinal);
        Assert.Contains(_id.Value, error.Message, StringComparison.Ordinal);
        Assert.Contains(other.Value, error.Message, StringComparison.Ordinal);
        Assert.Empty(await _host.StreamAsync(other));
    }

    [Fact]
    public async Task An_empty_source_id_is_rejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => _host.Bus.PublishAsync(new CreateThing(_id, "lamp") { SourceId = "" }, KernelHost.Ct));

        Assert.Empty(await _host.AllAsync());
    }

    [Fact]
    public async Task A_command_that_emits_nothing_is_still_remembered()
    {
        await _host.CreateAsync(_id);
        var command = new CountThing(_id, 1, Times: 0) { SourceId = "noop" };

        var first = await _host.Bus.PublishAsync(command, KernelHost.Ct);
        var second = await _host.Bus.PublishAsync(command, KernelHost.Ct);

        Assert.False(first.WasDuplicate);
        Assert.True(second.WasDuplicate);
        Assert.Single(await _host.AllAsync());
    }

    [Fact]
    public async Task Plain_ExecutionResult_round_trips_through_the_record()
    {
        var create = new CreateThing(_id, "lamp") { SourceId = "create-lamp" };
        var first = await _host.Bus.PublishAsync(create, KernelHost.Ct);

        var again = await _host.Bus.PublishAsync(create, KernelHost.Ct);

        Assert.Equal(first with { WasDuplicate = true }, again with { Errors = first.Errors });
        Assert.Empty(again.Errors);
        Assert.False(first.WasDuplicate);
        Assert.IsType<ExecutionResult>(again);
    }
}

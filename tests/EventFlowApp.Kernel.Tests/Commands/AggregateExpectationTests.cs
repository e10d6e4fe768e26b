using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.Commands;

/// <summary>A command's expectation (Existing, New, Any) is checked before its handler runs.</summary>
public sealed class AggregateExpectationTests : IDisposable
{
    private readonly KernelHost _host = KernelHost.Create();
    private readonly ThingId _id = ThingId.New;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Existing_on_a_missing_aggregate_throws_not_found_and_stores_nothing()
    {
        var command = new CountThing(_id, 1) { SourceId = "count-missing" };

        var error = await Assert.ThrowsAsync<AggregateNotFoundException>(() => _host.Bus.PublishAsync(command, KernelHost.Ct));

        Assert.Equal(_id.Value, error.AggregateId);
        Assert.Contains(nameof(CountThing), error.Message, StringComparison.Ordinal);
        Assert.Empty(await _host.AllAsync());
        Assert.Null(await _host.Persistence.GetCommandAsync("count-missing", KernelHost.Ct));
    }

    [Fact]
    public void Existing_is_the_default_expectation_of_a_command() =>
        Assert.Equal(AggregateExpectation.Existing, new RenameThing(_id, "x").Expectation);

    [Fact]
    public async Task New_on_an_existing_aggregate_throws_already_exists_and_stores_nothing()
    {
        await _host.CreateAsync(_id, "lamp");

        var error = await Assert.ThrowsAsync<AggregateAlreadyExistsException>(() => _host.CreateAsync(_id, "chair"));

        Assert.Equal(_id.Value, error.AggregateId);
        Assert.Contains(nameof(CreateThing), error.Message, StringComparison.Ordinal);
        Assert.Single(await _host.AllAsync());
        Assert.Equal("lamp", (await _host.LoadAsync(_id)).State.Name);
    }

    [Fact]
    public async Task Any_works_on_a_missing_and_on_an_existing_aggregate()
    {
        await _host.Bus.PublishAsync(new PokeThing(_id), KernelHost.Ct);
        await _host.Bus.PublishAsync(new PokeThing(_id), KernelHost.Ct);

        Assert.Equal(2, (await _host.LoadAsync(_id)).Version);
    }

    [Fact]
    public async Task A_refused_expectation_is_not_remembered_so_the_command_can_be_sent_again()
    {
        var count = new CountThing(_id, 1) { SourceId = "too-early" };
        await Assert.ThrowsAsync<AggregateNotFoundException>(() => _host.Bus.PublishAsync(count, KernelHost.Ct));
        await _host.CreateAsync(_id);

        var result = await _host.Bus.PublishAsync(count, KernelHost.Ct);

        Assert.False(result.WasDuplicate);
        Assert.Equal(1, result.Total);
    }
}

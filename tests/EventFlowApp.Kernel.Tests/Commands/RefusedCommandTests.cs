using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.Commands;

/// <summary>A command refused by the aggregate (DomainError) or by its handler (failed result) leaves no trace.</summary>
public sealed class RefusedCommandTests : IDisposable
{
    private readonly KernelHost _host = KernelHost.Create();
    private readonly ThingId _id = ThingId.New;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_domain_error_reaches_the_caller_and_stores_nothing()
    {
        await _host.CreateAsync(_id, "lamp");
        var rename = new RenameThing(_id, "  ") { SourceId = "bad-rename" };

        var error = await Assert.ThrowsAsync<DomainError>(() => _host.Bus.PublishAsync(rename, KernelHost.Ct));

        Assert.Equal("thing.name-empty", error.Code);
        Assert.Single(await _host.AllAsync());
        Assert.Null(await _host.Persistence.GetCommandAsync("bad-rename", KernelHost.Ct));
    }

    [Fact]
    public async Task A_domain_error_after_some_emits_in_the_same_update_stores_none_of_them()
    {
        await _host.CreateAsync(_id, "lamp");
        var update = new AggregateUpdate(CommitContext.ForSource("half-done"), "CountThenRename");

        await Assert.ThrowsAsync<DomainError>(() => _host.Aggregates.UpdateAsync<Thing, ThingId, ExecutionResult>(
            _id,
            update,
            (thing, _) =>
            {
                thing.Count(1);
                thing.Count(2);
                thing.Rename("");
                return Task.FromResult(ExecutionResult.Success);
            },
            KernelHost.Ct));

        Assert.Single(await _host.AllAsync());
        Assert.Equal(0, (await _host.LoadAsync(_id)).State.Total);
        Assert.Null(await _host.Persistence.GetCommandAsync("half-done", KernelHost.Ct));
    }

    [Fact]
    public async Task A_failed_result_is_returned_stores_nothing_and_is_not_remembered()
    {
        await _host.CreateAsync(_id);
        var command = new CountThing(_id, -5) { SourceId = "below-zero" };

        var failed = await _host.Bus.PublishAsync(command, KernelHost.Ct);

        Assert.False(failed.IsSuccess);
        Assert.False(failed.WasDuplicate);
        Assert.Equal(["The total cannot go below zero."], failed.Errors);
        Assert.Single(await _host.AllAsync());
        Assert.Null(await _host.Persistence.GetCommandAsync("below-zero", KernelHost.Ct));
    }

    [Fact]
    public async Task A_failed_command_can_be_sent_again_with_the_same_source_id_once_it_can_succeed()
    {
        await _host.CreateAsync(_id);
        var command = new CountThing(_id, -5) { SourceId = "below-zero" };
        await _host.Bus.PublishAsync(command, KernelHost.Ct);
        await _host.CountAsync(_id, 10);

        var retried = await _host.Bus.PublishAsync(command, KernelHost.Ct);

        Assert.True(retried.IsSuccess);
        Assert.False(retried.WasDuplicate);
        Assert.Equal(5, retried.Total);
        Assert.Equal(5, (await _host.LoadAsync(_id)).State.Total);
    }
}

using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.Aggregates;

/// <summary>A command that changes two aggregates commits both, with its source id, or neither.</summary>
public sealed class UnitOfWorkTests : IDisposable
{
    private readonly KernelHost _host = KernelHost.Create(o => o.AddCommandHandler<MoveCountHandler>());
    private readonly ThingId _from = ThingId.New;
    private readonly ThingId _to = ThingId.New;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Both_aggregates_commit_in_one_transaction_with_the_command()
    {
        await GivenThingsAsync();

        var result = await _host.Bus.PublishAsync(new MoveCount(_from, _to, 3) { SourceId = "move-1" }, KernelHost.Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal(7, (await _host.LoadAsync(_from)).State.Total);
        Assert.Equal(3, (await _host.LoadAsync(_to)).State.Total);
        var moved = (await _host.AllAsync()).Skip(3).ToList();
        Assert.Equal([_from.Value, _to.Value], moved.Select(e => e.Event.AggregateId));
        Assert.Equal(moved[0].GlobalSequenceNumber + 1, moved[1].GlobalSequenceNumber);
        Assert.NotNull(await _host.Persistence.GetCommandAsync("move-1", KernelHost.Ct));
    }

    [Fact]
    public async Task Sending_it_again_changes_neither_aggregate()
    {
        await GivenThingsAsync();
        await _host.Bus.PublishAsync(new MoveCount(_from, _to, 3) { SourceId = "move-1" }, KernelHost.Ct);

        var again = await _host.Bus.PublishAsync(new MoveCount(_from, _to, 3) { SourceId = "move-1" }, KernelHost.Ct);

        Assert.True(again.WasDuplicate);
        Assert.Equal(3, (await _host.LoadAsync(_to)).State.Total);
        Assert.Equal(5, (await _host.AllAsync()).Count);
    }

    [Fact]
    public async Task A_broken_rule_on_the_second_aggregate_stores_nothing_of_either()
    {
        await GivenThingsAsync();
        var head = await _host.Persistence.GetHeadPositionAsync(KernelHost.Ct);

        await Assert.ThrowsAsync<DomainError>(() => _host.Bus.PublishAsync(new MoveCount(_from, _to, 0), KernelHost.Ct));

        Assert.Equal(head, await _host.Persistence.GetHeadPositionAsync(KernelHost.Ct));
    }

    [Fact]
    public async Task A_conflict_on_the_second_aggregate_retries_the_whole_command()
    {
        await GivenThingsAsync();
        var interfered = false;
        MoveCountHandler.BeforeDeciding = async () =>
        {
            if (!interfered)
            {
                interfered = true;
                var other = await _host.LoadAsync(_to);
                other.Count(100);
                await _host.Aggregates.StoreAsync([other], CommitContext.ForSource("interference"), KernelHost.Ct);
            }
        };

        try
        {
            await _host.Bus.PublishAsync(new MoveCount(_from, _to, 3), KernelHost.Ct);
        }
        finally
        {
            MoveCountHandler.BeforeDeciding = null;
        }

        Assert.Equal(7, (await _host.LoadAsync(_from)).State.Total);
        Assert.Equal(103, (await _host.LoadAsync(_to)).State.Total);
    }

    [Fact]
    public async Task Outside_a_command_the_unit_of_work_refuses_clearly()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _host.Get<IUnitOfWork>().LoadAsync<Thing, ThingId>(_to, KernelHost.Ct));

        Assert.Contains("only usable while a command handler runs", error.Message, StringComparison.Ordinal);
    }

    private async Task GivenThingsAsync()
    {
        await _host.CreateAsync(_from, "from");
        await _host.CountAsync(_from, 10);
        await _host.CreateAsync(_to, "to");
    }
}

public sealed record MoveCount(ThingId AggregateId, ThingId To, int By) : Command<Thing, ThingId, ExecutionResult>(AggregateId);

public sealed class MoveCountHandler(IUnitOfWork unitOfWork) : ICommandHandler<Thing, ThingId, ExecutionResult, MoveCount>
{
    /// <summary>Lets a test interfere between loading and committing (tests in this class do not run in parallel).</summary>
    public static Func<Task>? BeforeDeciding { get; set; }

    public async Task<ExecutionResult> ExecuteAsync(Thing aggregate, MoveCount command, CancellationToken cancellationToken)
    {
        var to = await unitOfWork.LoadAsync<Thing, ThingId>(command.To, cancellationToken);
        if (BeforeDeciding is { } hook)
        {
            await hook();
        }

        aggregate.Count(-command.By);
        to.Count(command.By);
        return ExecutionResult.Success;
    }
}

using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.Aggregates;

/// <summary>
/// A command that creates many aggregates (an import) asks which exist in one read and adds the others
/// without loading them; a creation by another writer in between makes the commit conflict and retry.
/// </summary>
public sealed class CreatingManyAggregatesTests : IDisposable
{
    private readonly KernelHost _host = KernelHost.Create(o => o.AddCommandHandler<SpawnThingsHandler>());
    private readonly ThingId _parent = ThingId.New;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Missing_aggregates_are_created_with_the_command_and_existing_ones_left_alone()
    {
        var existing = ThingId.New;
        var fresh = ThingId.New;
        await _host.CreateAsync(_parent, "parent");
        await _host.CreateAsync(existing, "older");
        await _host.CountAsync(existing);

        var result = await _host.Bus.PublishAsync(new SpawnThings(_parent, [existing, fresh]) { SourceId = "spawn-1" }, KernelHost.Ct);

        Assert.Equal((1, 1), (result.Created, result.Existing));
        Assert.Equal("child", (await _host.LoadAsync(fresh)).State.Name);
        Assert.Equal(2, (await _host.LoadAsync(existing)).Version);
        var appended = Assert.Single((await _host.AllAsync()).Skip(3));
        Assert.Equal(fresh.Value, appended.Event.AggregateId);
        Assert.NotNull(await _host.Persistence.GetCommandAsync("spawn-1", KernelHost.Ct));
    }

    [Fact]
    public async Task An_aggregate_created_by_another_writer_before_the_commit_makes_the_command_retry_and_see_it()
    {
        var contested = ThingId.New;
        await _host.CreateAsync(_parent, "parent");
        var interfered = false;
        SpawnThingsHandler.BeforeDeciding = async () =>
        {
            if (!interfered)
            {
                interfered = true;
                var other = new Thing(contested);
                other.Create("theirs");
                await _host.Aggregates.StoreAsync([other], CommitContext.ForSource("interference"), KernelHost.Ct);
            }
        };

        SpawnResult result;
        try
        {
            result = await _host.Bus.PublishAsync(new SpawnThings(_parent, [contested]), KernelHost.Ct);
        }
        finally
        {
            SpawnThingsHandler.BeforeDeciding = null;
        }

        Assert.Equal((0, 1), (result.Created, result.Existing));
        Assert.Equal("theirs", (await _host.LoadAsync(contested)).State.Name);
    }

    [Fact]
    public async Task Adding_an_aggregate_the_command_already_holds_is_refused()
    {
        await _host.CreateAsync(_parent, "parent");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _host.Bus.PublishAsync(new SpawnThings(_parent, [_parent]), KernelHost.Ct));

        Assert.Contains("already part of this command", error.Message, StringComparison.Ordinal);
    }
}

public sealed record SpawnResult(int Created, int Existing) : ExecutionResult;

public sealed record SpawnThings(ThingId AggregateId, IReadOnlyList<ThingId> Children) : Command<Thing, ThingId, SpawnResult>(AggregateId);

public sealed class SpawnThingsHandler(IUnitOfWork unitOfWork) : ICommandHandler<Thing, ThingId, SpawnResult, SpawnThings>
{
    /// <summary>Lets a test interfere between the existence check and the commit (tests in this class do not run in parallel).</summary>
    public static Func<Task>? BeforeDeciding { get; set; }

    public async Task<SpawnResult> ExecuteAsync(Thing aggregate, SpawnThings command, CancellationToken cancellationToken)
    {
        // The parent itself is "existing" for the check, yet already in the unit of work: AddNew must refuse it.
        var versions = await unitOfWork.GetVersionsAsync(command.Children.Where(c => c != aggregate.Id).ToList(), cancellationToken);
        if (BeforeDeciding is { } hook)
        {
            await hook();
        }

        var created = 0;
        foreach (var child in command.Children.Where(c => !versions.ContainsKey(c.Value)))
        {
            unitOfWork.AddNew<Thing, ThingId>(child).Create("child");
            created++;
        }

        return new SpawnResult(created, versions.Count);
    }
}

using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.EntityFramework.ReadModels;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Storage.Tests.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventFlowApp.Storage.Tests.ReadModels;

/// <summary>
/// Consistent-on-write read models are updated inside the event store's append transaction. Only the
/// database event store does that, so only database targets run this suite.
/// </summary>
public abstract class ConsistentOnWriteSuite : ReadModelSuiteBase
{
    private static readonly ReadModelDefinition Summaries = ReadModelDefinition.For(typeof(NoteSummary));

    private ICommandBus Bus => Services.GetRequiredService<ICommandBus>();

    private IEventPersistence Persistence => Services.GetRequiredService<IEventPersistence>();

    [Fact]
    public async Task When_a_commit_returns_its_rows_are_readable()
    {
        var live = await Generations.CreateAsync(new GenerationRequest(Summaries.Name, GenerationState.Live), Ct);
        var id = NoteId.New;
        await Bus.PublishAsync(new WriteNote(id, "first"), Ct);
        await Bus.PublishAsync(new WriteNote(id, "second"), Ct);

        var row = await Store.GetAsync<NoteSummary>(id.Value, ReadModelView.Live, Ct);
        Assert.Equal((2, "second"), (row!.Lines, row.LastText));
        Assert.Equal(await Persistence.GetHeadPositionAsync(Ct), (await Processors.GetAsync(live.ProcessorName, Ct))!.Position);

        await Bus.PublishAsync(new ArchiveNote(id), Ct);
        Assert.Null(await Store.GetAsync<NoteSummary>(id.Value, ReadModelView.Live, Ct));
    }

    [Fact]
    public async Task A_failing_update_fails_the_commit_and_stores_nothing()
    {
        var live = await Generations.CreateAsync(new GenerationRequest(Summaries.Name, GenerationState.Live), Ct);
        var id = NoteId.New;
        await Bus.PublishAsync(new WriteNote(id, "first"), Ct);

        var failure = await Assert.ThrowsAsync<ConsistentReadModelException>(() => Bus.PublishAsync(new WriteNote(id, NoteSummary.Explode), Ct));

        Assert.Contains("note_summaries", failure.Message, StringComparison.Ordinal);
        Assert.Single((await Persistence.LoadAllAsync(0, 100, Ct)).Events);
        var row = await Store.GetAsync<NoteSummary>(id.Value, ReadModelView.Live, Ct);
        Assert.Equal((1, "first"), (row!.Lines, row.LastText));
        Assert.Equal(1, (await Processors.GetAsync(live.ProcessorName, Ct))!.Position);
    }

    [Fact]
    public async Task A_rebuild_that_caught_up_is_kept_current_by_every_commit_so_the_switch_loses_no_write()
    {
        var live = await Generations.CreateAsync(new GenerationRequest(Summaries.Name, GenerationState.Live), Ct);
        var id = NoteId.New;
        await Bus.PublishAsync(new WriteNote(id, "first"), Ct);
        var rebuild = await Generations.CreateAsync(new GenerationRequest(Summaries.Name, GenerationState.Building), Ct);
        Assert.Equal(ProcessorRunOutcome.CaughtUp, (await Runner().CatchUpAsync(Processor(rebuild), null, Ct)).Outcome);

        await Bus.PublishAsync(new WriteNote(id, "between catching up and switching"), Ct);
        await Generations.MakeLiveAsync(Summaries.Name, rebuild.Generation, Ct);

        var row = await Store.GetAsync<NoteSummary>(id.Value, ReadModelView.Live, Ct);
        Assert.Equal((2, "between catching up and switching"), (row!.Lines, row.LastText));
        var head = await Persistence.GetHeadPositionAsync(Ct);
        Assert.Equal(head, (await Processors.GetAsync(rebuild.ProcessorName, Ct))!.Position);
        Assert.Equal(head, (await Processors.GetAsync(live.ProcessorName, Ct))!.Position);
    }

    [Fact]
    public async Task A_processor_that_is_behind_leaves_the_events_to_the_tracked_processor()
    {
        var id = NoteId.New;
        await Bus.PublishAsync(new WriteNote(id, "before the read model existed"), Ct);
        var live = await Generations.CreateAsync(new GenerationRequest(Summaries.Name, GenerationState.Live), Ct);
        await Bus.PublishAsync(new WriteNote(id, "while it is behind"), Ct);
        Assert.Null(await Store.GetAsync<NoteSummary>(id.Value, ReadModelView.Live, Ct));

        var caughtUp = await Runner().CatchUpAsync(Processor(live), null, Ct);
        await Bus.PublishAsync(new WriteNote(id, "once caught up"), Ct);

        Assert.Equal(ProcessorRunOutcome.CaughtUp, caughtUp.Outcome);
        var row = await Store.GetAsync<NoteSummary>(id.Value, ReadModelView.Live, Ct);
        Assert.Equal((3, "once caught up"), (row!.Lines, row.LastText));
    }

    [Fact]
    public async Task A_tracked_batch_read_before_an_inline_update_is_fenced_off()
    {
        var live = await Generations.CreateAsync(new GenerationRequest(Summaries.Name, GenerationState.Live), Ct);
        Assert.True(await Processors.TryAcquireLeaseAsync(live.ProcessorName, NodeA, Lease, Ct));
        var id = NoteId.New;
        await Bus.PublishAsync(new WriteNote(id, "inline"), Ct);
        var events = (await Persistence.LoadAllAsync(0, 10, Ct)).Events;

        // The tracked processor read the checkpoint (0) before the inline update moved it, and now stores the same event.
        var stale = new Dictionary<string, IReadModel> { [id.Value] = new NoteSummary { Lines = 1, LastText = "tracked" } };
        await Assert.ThrowsAsync<ProcessorLeaseLostException>(() => Store.CommitAsync(
            new ReadModelChanges(Summaries, live.Generation, stale, [], new CheckpointAdvance(live.ProcessorName, NodeA, 0, events[^1].GlobalSequenceNumber)),
            Ct));

        Assert.Equal("inline", (await Store.GetAsync<NoteSummary>(id.Value, ReadModelView.Live, Ct))!.LastText);
    }

    [Fact]
    public async Task The_runner_reads_on_when_the_checkpoint_moves_under_a_batch_it_holds()
    {
        var id = NoteId.New;
        await Bus.PublishAsync(new WriteNote(id, "one"), Ct);
        await Bus.PublishAsync(new WriteNote(id, "two"), Ct);
        var live = await Generations.CreateAsync(new GenerationRequest(Summaries.Name, GenerationState.Live), Ct);
        var moved = new MovedUnderneath(Processor(live), Processors);

        var result = await Runner().CatchUpAsync(moved, null, Ct);

        Assert.Equal(ProcessorRunOutcome.CaughtUp, result.Outcome);
        Assert.Equal(await Persistence.GetHeadPositionAsync(Ct), result.Position);
        Assert.Equal(2, moved.Calls);
    }

    private TrackedProcessorRunner Runner() => new(
        Persistence,
        Services.GetRequiredService<EventSerializer>(),
        Processors,
        new TrackedProcessorOptions { NodeId = NodeA, BatchSize = 1 },
        Clock,
        NullLogger<TrackedProcessorRunner>.Instance);

    private ReadModelProcessor Processor(ReadModelGeneration generation) =>
        new(new ReadModelBatchApplier(Summaries, new AggregateIdLocator()), generation, Store, ProcessorErrorPolicy.Stop);

    /// <summary>On its first batch, moves the checkpoint past it first, as an inline update racing the batch would.</summary>
    private sealed class MovedUnderneath(ITrackedProcessor inner, IProcessorStore store) : ITrackedProcessor
    {
        public int Calls { get; private set; }

        public string Name => inner.Name;

        public ProcessorErrorPolicy ErrorPolicy => inner.ErrorPolicy;

        public long? StopAfterPosition => inner.StopAfterPosition;

        public DateTimeOffset? StopAfterTime => inner.StopAfterTime;

        public async Task ProcessAsync(ProcessorBatch batch, CancellationToken cancellationToken)
        {
            if (++Calls == 1)
            {
                await store.AdvanceAsync(batch.Checkpoint, cancellationToken);
            }

            await inner.ProcessAsync(batch, cancellationToken);
        }
    }
}

public sealed class SqliteConsistentOnWriteTests : ConsistentOnWriteSuite
{
    protected override Support.IStorageTarget CreateTarget() => new Support.SqliteTarget();
}

public sealed class PostgreSqlConsistentOnWriteTests : ConsistentOnWriteSuite
{
    protected override Support.IStorageTarget CreateTarget() => new Support.PostgreSqlTarget();
}

public sealed class SqlServerConsistentOnWriteTests : ConsistentOnWriteSuite
{
    protected override Support.IStorageTarget CreateTarget() => new Support.SqlServerTarget();
}

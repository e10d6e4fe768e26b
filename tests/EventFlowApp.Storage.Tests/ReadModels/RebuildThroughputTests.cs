using System.Diagnostics;
using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Storage.Tests.Domain;
using EventFlowApp.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventFlowApp.Storage.Tests.ReadModels;

/// <summary>
/// A rough figure, not a benchmark (that lives in bench/): 100,000 events, each batch of 1,000 touching
/// 1,000 rows, folded into a read model by the tracked processor. Explicit: run with <c>-explicit only</c>.
/// </summary>
public abstract class RebuildThroughputTests : ReadModelSuiteBase
{
    private const int Commits = 100;
    private const int NotesPerCommit = 1000;

    [Fact(Explicit = true)]
    public async Task A_rebuild_of_100000_events_reports_its_rate()
    {
        var persistence = Services.GetRequiredService<IEventPersistence>();
        var serializer = Services.GetRequiredService<EventSerializer>();
        var notes = Enumerable.Range(0, NotesPerCommit).Select(i => NoteId.New).ToList();
        for (var c = 0; c < Commits; c++)
        {
            var streams = notes.Select(id => new StreamAppend("Note", id.Value, c, [
                serializer.Serialize("Note", id.Value, new PendingEvent(new NoteWritten($"line {c}", 7), c + 1, Metadata.Empty), CommitContext.ForSource($"s-{c}-{id.Value}"), Start),
            ])).ToList();
            await persistence.CommitAsync(new CommitBatch(streams, null), Ct);
        }

        var generation = await Generations.CreateAsync(new GenerationRequest(Postings.Name, GenerationState.Live), Ct);
        var runner = new TrackedProcessorRunner(
            persistence, serializer, Processors, new TrackedProcessorOptions { NodeId = NodeA, BatchSize = 1000 }, Clock, NullLogger<TrackedProcessorRunner>.Instance);
        var timed = new TimedStore(Store);
        var clock = Stopwatch.StartNew();
        var result = await runner.CatchUpAsync(
            new ReadModelProcessor(new ReadModelBatchApplier(Postings, new AggregateIdLocator()), generation, timed, ProcessorErrorPolicy.Stop), null, Ct);
        clock.Stop();

        Assert.Equal(ProcessorRunOutcome.CaughtUp, result.Outcome);
        Assert.Equal(Commits * NotesPerCommit, result.EventsProcessed);
        Assert.Equal(Commits, (await GetAsync(notes[0].Value))!.Lines);
        TestContext.Current.SendDiagnosticMessage(
            $"{GetType().Name}: {result.EventsProcessed:N0} events in {clock.Elapsed.TotalSeconds:F1} s = {result.EventsProcessed / clock.Elapsed.TotalSeconds:N0} events/s " +
            $"(loading rows {timed.Loading.TotalSeconds:F1} s, storing rows and checkpoints {timed.Committing.TotalSeconds:F1} s)");
    }
}

/// <summary>Measures where a rebuild's time goes.</summary>
internal sealed class TimedStore(IReadModelStore inner) : IReadModelStore
{
    public TimeSpan Loading { get; private set; }

    public TimeSpan Committing { get; private set; }

    public Task<TReadModel?> GetAsync<TReadModel>(string id, ReadModelView view, CancellationToken cancellationToken)
        where TReadModel : class, IReadModel => inner.GetAsync<TReadModel>(id, view, cancellationToken);

    public Task<IReadOnlyList<TResult>> QueryAsync<TReadModel, TResult>(
        ReadModelView view, Func<IQueryable<TReadModel>, IQueryable<TResult>> query, CancellationToken cancellationToken)
        where TReadModel : class, IReadModel => inner.QueryAsync(view, query, cancellationToken);

    public async Task<IReadOnlyDictionary<string, IReadModel>> LoadAsync(
        ReadModelDefinition definition, int generation, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var rows = await inner.LoadAsync(definition, generation, ids, cancellationToken);
        Loading += clock.Elapsed;
        return rows;
    }

    public async Task CommitAsync(ReadModelChanges changes, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await inner.CommitAsync(changes, cancellationToken);
        Committing += clock.Elapsed;
    }
}

public sealed class SqliteRebuildThroughputTests : RebuildThroughputTests
{
    protected override IStorageTarget CreateTarget() => new SqliteTarget();
}

public sealed class PostgreSqlRebuildThroughputTests : RebuildThroughputTests
{
    protected override IStorageTarget CreateTarget() => new PostgreSqlTarget();
}

public sealed class InMemoryRebuildThroughputTests : RebuildThroughputTests
{
    protected override IStorageTarget CreateTarget() => new InMemoryTarget();
}

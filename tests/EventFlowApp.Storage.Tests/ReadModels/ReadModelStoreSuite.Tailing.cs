using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Storage.Tests.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Storage.Tests.ReadModels;

public abstract partial class ReadModelStoreSuite
{
    /// <summary>
    /// Writers commit concurrently while a processor tails the store: every event is applied exactly
    /// once, none skipped (commit order is global order) and none twice (rows and checkpoint in one transaction).
    /// </summary>
    [Fact]
    public async Task A_processor_tailing_concurrent_writers_applies_every_event_exactly_once()
    {
        const int writers = 4;
        const int writesPerWriter = 40;
        var generation = await Generations.CreateAsync(new GenerationRequest(Postings.Name, GenerationState.Live), Ct);
        var processor = Services.GetRequiredService<ReadModelProcessorFactory>().Create(generation);
        var runner = Services.GetRequiredService<TrackedProcessorRunner>();
        var notes = Enumerable.Range(0, writers).Select(_ => Enumerable.Range(0, 3).Select(_ => NoteId.New).ToList()).ToList();

        // Task.Run: SQLite's ADO.NET calls complete synchronously, and the writers must really run beside the tailer.
        var writing = Task.WhenAll(notes.Select((mine, w) => Task.Run(async () =>
        {
            await using var scope = Services.CreateAsyncScope();
            var bus = scope.ServiceProvider.GetRequiredService<ICommandBus>();
            for (var i = 0; i < writesPerWriter; i++)
            {
                await bus.PublishAsync(new WriteNote(mine[i % mine.Count], $"w{w}-{i}"), Ct);
            }
        }, Ct)));
        long applied = 0;
        var runs = 0;
        while (!writing.IsCompleted || runs == 0)
        {
            var result = await runner.CatchUpAsync(processor, null, Ct);
            Assert.Equal(ProcessorRunOutcome.CaughtUp, result.Outcome);
            applied += result.EventsProcessed;
            runs++;
        }

        await writing;
        applied += (await runner.CatchUpAsync(processor, null, Ct)).EventsProcessed;

        var head = await Services.GetRequiredService<Kernel.EventStores.IEventPersistence>().GetHeadPositionAsync(Ct);
        var lines = await Store.QueryAsync<Posting, int>(ReadModelView.Live, q => q.Select(p => p.Lines), Ct);
        Assert.Equal(writers * writesPerWriter, lines.Sum());
        Assert.Equal(writers * 3, lines.Count);
        Assert.Equal(head, (await Processors.GetAsync(generation.ProcessorName, Ct))!.Position);
        Assert.Equal(writers * writesPerWriter, applied);
    }
}

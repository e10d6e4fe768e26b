using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Storage.Tests.Domain;

namespace EventFlowApp.Storage.Tests.Suite;

public abstract partial class EventStoreConformanceSuite
{
    [Fact]
    public async Task An_old_event_version_is_upgraded_on_read_and_never_rewritten()
    {
        var id = NoteId.New;
        await CommitRawAsync(id, "NoteAdded", 1, "{\"text\":\"from 2019\"}");
        await WriteAsync(id, "today");

        var events = await Events.LoadEventsAsync<Note, NoteId>(id, Ct);

        Assert.Equal(new NoteWritten("from 2019", 9), events[0].GetAggregateEvent());
        Assert.Equal(["from 2019", "today"], (await LoadAsync(id)).State.Lines);
        var stored = (await Persistence.LoadStreamAsync(id.Value, 1, 1, Ct)).Single().Event;
        Assert.Equal(("NoteAdded", 1, "{\"text\":\"from 2019\"}"), (stored.EventName, stored.EventVersion, stored.Data));
    }
}

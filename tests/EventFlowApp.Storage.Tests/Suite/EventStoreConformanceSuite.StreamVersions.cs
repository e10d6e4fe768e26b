using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Storage.Tests.Domain;

namespace EventFlowApp.Storage.Tests.Suite;

public abstract partial class EventStoreConformanceSuite
{
    [Fact]
    public async Task Stream_versions_name_each_aggregate_that_has_events_with_its_last_sequence_number()
    {
        var once = NoteId.New;
        var thrice = NoteId.New;
        await WriteAsync(once, "a");
        for (var i = 0; i < 3; i++)
        {
            await WriteAsync(thrice, $"b{i}");
        }

        var versions = await Persistence.GetStreamVersionsAsync([once.Value, thrice.Value, NoteId.New.Value], Ct);

        Assert.Equal(2, versions.Count);
        Assert.Equal(1, versions[once.Value]);
        Assert.Equal(3, versions[thrice.Value]);
    }

    [Fact]
    public async Task Stream_versions_of_no_ids_are_empty()
    {
        await WriteAsync(NoteId.New, "a");

        Assert.Empty(await Persistence.GetStreamVersionsAsync([], Ct));
    }

    [Fact]
    public async Task Stream_versions_answer_for_thousands_of_ids_at_once_with_duplicates_among_them()
    {
        // More ids than one query takes (the EF store asks 1,000 at a time), existing and new interleaved.
        var stored = Enumerable.Range(0, 1200).Select(_ => new Note(NoteId.New)).ToList();
        foreach (var note in stored)
        {
            note.Write("x");
        }

        await Aggregates.StoreAsync(stored, CommitContext.ForSource("bulk-notes"), Ct);
        stored[7].Write("again");
        await Aggregates.StoreAsync([stored[7]], CommitContext.ForSource("bulk-notes-2"), Ct);
        var asked = stored.SelectMany(n => new[] { n.Id.Value, NoteId.New.Value }).Append(stored[0].Id.Value).ToList();

        var versions = await Persistence.GetStreamVersionsAsync(asked, Ct);

        Assert.Equal(1200, versions.Count);
        Assert.All(stored, n => Assert.Equal(n.Version, versions[n.Id.Value]));
        Assert.Equal(2, versions[stored[7].Id.Value]);
    }
}

using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Snapshots;
using EventFlowApp.Storage.Tests.Domain;

namespace EventFlowApp.Storage.Tests.Suite;

public abstract partial class EventStoreConformanceSuite
{
    [Fact]
    public async Task A_snapshot_is_taken_every_ten_events_and_gives_the_same_state()
    {
        var id = await WriteLinesAsync(25);

        var snapshot = await Snapshots.LoadAsync(id.Value, long.MaxValue, null, Ct);
        var earlier = await Snapshots.LoadAsync(id.Value, 19, null, Ct);

        Assert.Equal(20, snapshot?.AggregateSequenceNumber);
        Assert.Equal(10, earlier?.AggregateSequenceNumber);
        Assert.Equal(("NoteState", 1), (snapshot!.SnapshotName, snapshot.SnapshotVersion));
        var note = await LoadAsync(id);
        Assert.Equal(25, note.Version);
        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"line {i}"), note.State.Lines);
    }

    [Fact]
    public async Task Loading_starts_from_the_snapshot_not_from_event_one()
    {
        var id = await WriteLinesAsync(25);
        var real = (await Snapshots.LoadAsync(id.Value, 20, null, Ct))!;
        await Snapshots.SaveAsync(real with { Data = "{\"lines\":[\"from snapshot\"],\"archived\":false}" }, Ct);

        var note = await LoadAsync(id);
        var asOf22 = await Aggregates.LoadAsync<Note, NoteId>(id, AsOf.AtVersion(22), Ct);
        var asOf15 = await Aggregates.LoadAsync<Note, NoteId>(id, AsOf.AtVersion(15), Ct);

        Assert.Equal(["from snapshot", "line 21", "line 22", "line 23", "line 24", "line 25"], note.State.Lines);
        Assert.Equal(3, asOf22.State.Lines.Count);
        Assert.Equal(15, asOf15.State.Lines.Count);
    }

    [Fact]
    public async Task A_snapshot_of_an_older_state_version_is_ignored()
    {
        var id = await WriteLinesAsync(25);
        var real = (await Snapshots.LoadAsync(id.Value, 20, null, Ct))!;
        await Snapshots.SaveAsync(real with { SnapshotVersion = 0, Data = "{\"lines\":[\"stale shape\"]}" }, Ct);

        var note = await LoadAsync(id);

        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"line {i}"), note.State.Lines);
    }

    private async Task<NoteId> WriteLinesAsync(int count)
    {
        var id = NoteId.New;
        for (var i = 1; i <= count; i++)
        {
            await WriteAsync(id, $"line {i}");
        }

        return id;
    }
}

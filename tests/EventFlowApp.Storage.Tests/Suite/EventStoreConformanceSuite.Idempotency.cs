using EventFlowApp.Kernel.Commands;
using EventFlowApp.Storage.Tests.Domain;

namespace EventFlowApp.Storage.Tests.Suite;

public abstract partial class EventStoreConformanceSuite
{
    [Fact]
    public async Task A_duplicate_command_returns_the_first_result_and_appends_nothing_however_many_came_between()
    {
        var id = NoteId.New;
        var first = await WriteAsync(id, "once", sourceId: "import-42");
        for (var i = 0; i < 30; i++)
        {
            await WriteAsync(id, $"other {i}");
        }

        var head = await Persistence.GetHeadPositionAsync(Ct);
        var again = await WriteAsync(id, "once", sourceId: "import-42");

        Assert.False(first.WasDuplicate);
        Assert.True(again.WasDuplicate);
        Assert.Equal(1, again.LineCount);
        Assert.Equal(head, await Persistence.GetHeadPositionAsync(Ct));
        Assert.Equal(31, (await LoadAsync(id)).Version);
    }

    [Fact]
    public async Task The_same_command_sent_twice_at_once_is_applied_once()
    {
        var id = NoteId.New;
        await WriteAsync(id, "start");

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => WriteAsync(id, "twice", sourceId: "race-1"))));

        Assert.Equal(2, (await LoadAsync(id)).Version);
        Assert.Single(results, r => r.WasDuplicate);
        Assert.All(results, r => Assert.Equal(2, r.LineCount));
    }

    [Fact]
    public async Task Reusing_a_source_id_for_another_aggregate_is_refused()
    {
        await WriteAsync(NoteId.New, "a", sourceId: "shared");
        var other = NoteId.New;

        var error = await Assert.ThrowsAsync<SourceIdReusedException>(() => WriteAsync(other, "b", sourceId: "shared"));

        Assert.Contains("shared", error.Message, StringComparison.Ordinal);
        Assert.True((await LoadAsync(other)).IsNew);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EventFlowApp.Kernel.EventStores;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Web.Tests;

public sealed class EventStoreApiTests : IAsyncLifetime
{
    private readonly WebHostFactory _factory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Status_names_the_provider_and_the_head_position_of_a_fresh_store()
    {
        using var client = _factory.CreateClient();

        var status = await client.GetFromJsonAsync<JsonElement>("/api/status", Ct);

        Assert.Equal("Sqlite", status.GetProperty("provider").GetString());
        Assert.Equal(0, status.GetProperty("headPosition").GetInt64());
    }

    [Fact]
    public async Task Events_are_served_in_global_order_page_by_page()
    {
        using var client = _factory.CreateClient();
        var persistence = _factory.Services.GetRequiredService<IEventPersistence>();
        const string aggregateId = "note-0f8fad5b-d9cb-469f-a165-70867728950e";
        var rows = Enumerable.Range(1, 3)
            .Select(i => new SerializedEvent(Guid.NewGuid(), "Note", aggregateId, i, "NoteWritten", 2, $"{{\"text\":\"line {i}\"}}", "{}", DateTime.UtcNow))
            .ToList();
        await persistence.CommitAsync(new CommitBatch([new StreamAppend("Note", aggregateId, 0, rows)], null), Ct);

        var first = await client.GetFromJsonAsync<JsonElement>("/api/events?after=0&take=2", Ct);
        var next = first.GetProperty("nextPosition").GetInt64();
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/events?after={next}&take=2", Ct);

        var texts = first.GetProperty("events").EnumerateArray().Concat(second.GetProperty("events").EnumerateArray())
            .Select(e => e.GetProperty("data").GetProperty("text").GetString());
        Assert.Equal(["line 1", "line 2", "line 3"], texts);
        Assert.Equal(1, second.GetProperty("events").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/events?take=0")]
    [InlineData("/api/events?take=1001")]
    [InlineData("/api/events?after=-1")]
    public async Task A_bad_page_request_gets_a_clear_400(string url)
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'take' between 1 and 1000", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}

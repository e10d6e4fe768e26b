using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.EventStores;

/// <summary>
/// Regression: a stored event's sequence number, event id and timestamp were taken only from the
/// metadata JSON, so a row whose JSON lacks those copies (hand-written, migrated, or a provider that
/// keeps them as columns only) threw KeyNotFoundException when read; now the row's columns win.
/// </summary>
public sealed class Bug_ReadingRowsWithoutMetadataCopiesTests : IDisposable
{
    private readonly KernelHost _host = KernelHost.Create();
    private readonly ThingId _id = ThingId.New;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Bug_EventMetadataWithoutKernelKeys_IsReadFromTheRowColumns()
    {
        await _host.CreateAsync(ThingId.New);
        var stored = await _host.Persistence.AppendAsync(_id, 0, ("ThingCounted", 1, """{"by":4}"""));
        var row = stored[0];

        var e = Assert.Single(await _host.Events.LoadEventsAsync<Thing, ThingId>(_id, KernelHost.Ct));

        Assert.Equal(row.Event.EventId, e.EventId);
        Assert.Equal(1, e.AggregateSequenceNumber);
        Assert.Equal(2, e.GlobalSequenceNumber);
        Assert.Equal(KernelHost.Start, e.Timestamp);
        Assert.Equal(("ThingCounted", 1, "Thing", _id.Value), (e.Metadata.EventName, e.Metadata.EventVersion, e.Metadata.AggregateName, e.Metadata.AggregateId));
        Assert.Null(e.Metadata.SourceId);
    }

    [Fact]
    public async Task Bug_EventMetadataWithoutKernelKeys_IsReadFromTheRowColumns_InTheGlobalStream()
    {
        await _host.Persistence.AppendAsync(_id, 0, ("ThingCounted", 1, """{"by":4}"""));

        var e = Assert.Single((await _host.Events.LoadAllEventsAsync(0, 10, KernelHost.Ct)).Events);

        Assert.Equal(1, e.AggregateSequenceNumber);
        Assert.Equal(1, e.GlobalSequenceNumber);
    }
}

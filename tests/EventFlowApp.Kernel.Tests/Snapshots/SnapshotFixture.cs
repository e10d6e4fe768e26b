using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Serialization;
using EventFlowApp.Kernel.Snapshots;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Tests.Snapshots;

/// <summary>A host snapshotting Things every 10 events, with a recorder of stream reads.</summary>
public abstract class SnapshotFixture : IDisposable
{
    protected SnapshotFixture(bool snapshots = true)
    {
        Host = KernelHost.Create(
            o =>
            {
                if (snapshots)
                {
                    o.AddSnapshots<Thing>(10);
                }
            },
            s => s.AddSingleton<IEventPersistence>(Reads));
    }

    protected StreamReadRecorder Reads { get; } = new();

    protected KernelHost Host { get; }

    protected ThingId Id { get; } = ThingId.New;

    public void Dispose() => Host.Dispose();

    /// <summary>Event n (1..count) is stored at Start + n minutes; event 1 creates, the others count by n.</summary>
    protected async Task GivenEventsAsync(int count)
    {
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        await Host.CreateAsync(Id, "lamp");
        for (var n = 2; n <= count; n++)
        {
            Host.Clock.Advance(TimeSpan.FromMinutes(1));
            await Host.CountAsync(Id, n);
        }
    }

    /// <summary>The total after events 1..n of <see cref="GivenEventsAsync"/>.</summary>
    protected static int TotalAfter(int n) => (n * (n + 1) / 2) - 1;

    protected static DateTimeOffset TimeOf(int n) => KernelHost.Start.AddMinutes(n);

    protected async Task<StoredSnapshot> SnapshotAtAsync(long sequenceNumber) =>
        (await Host.Snapshots.LoadAsync(Id.Value, sequenceNumber, null, KernelHost.Ct))!;

    /// <summary>Replaces the stored snapshot at <paramref name="sequenceNumber"/> with a changed state.</summary>
    protected async Task TamperAsync(long sequenceNumber, Func<ThingState, ThingState> change, int? snapshotVersion = null)
    {
        var json = Host.Get<IJsonSerializer>();
        var snapshot = await SnapshotAtAsync(sequenceNumber);
        Assert.Equal(sequenceNumber, snapshot.AggregateSequenceNumber);
        var state = (ThingState)json.Deserialize(snapshot.Data, typeof(ThingState));
        await Host.Snapshots.SaveAsync(
            snapshot with
            {
                Data = json.Serialize(change(state), typeof(ThingState)),
                SnapshotVersion = snapshotVersion ?? snapshot.SnapshotVersion,
            },
            KernelHost.Ct);
    }
}

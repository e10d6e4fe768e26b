using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Subscribers;
using EventFlowApp.Kernel.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Tests.ReadModels;

/// <summary>
/// The outside world sees each real event once: a recording external notifier ([DisallowReplay]) is
/// called once per event by its processor, never by a rebuild, a point-in-time generation or a reset.
/// </summary>
public sealed class ReplaySafetyTests
{
    private static CancellationToken Ct => KernelHost.Ct;

    [Fact]
    public async Task The_notifier_is_called_once_per_real_event_and_never_during_rebuilds_or_replays()
    {
        var notifier = new RecordingNotifier();
        using var host = ReadModelHost.Create(configure: o => o.AddSubscriber<NotifyOnCounted>(), before: s => s.AddSingleton(notifier));
        var id = ThingId.New;
        await host.Kernel.CreateAsync(id);
        await host.Kernel.CountAsync(id, 1, times: 3);
        await host.CatchUpLiveAsync();
        var counted = (await host.Kernel.AllAsync()).Skip(1).Select(e => e.GlobalSequenceNumber).ToList();
        Assert.Equal(counted, notifier.Notified);

        await host.Populator.RebuildAsync("thing_counters", null, Ct);
        var pit = await host.Populator.StartPointInTimeAsync("thing_counters", "then", 3, null, Ct);
        await host.Populator.RunAsync("thing_counters", pit.Generation, null, Ct);
        await host.Processors.ResetAsync("subscriber:thing-notifier", 0, Ct);
        await host.CatchUpLiveAsync();
        Assert.Equal(counted, notifier.Notified);

        await host.Kernel.CountAsync(id, 2);
        await host.CatchUpLiveAsync();

        Assert.Equal([.. counted, (await host.Kernel.AllAsync())[^1].GlobalSequenceNumber], notifier.Notified);
        Assert.Equal(5, (await host.CounterAsync(id))!.Total);
        Assert.DoesNotContain(await host.Processors.ListAsync(Ct), p => p.State == ProcessorRunState.Stopped);
    }
}

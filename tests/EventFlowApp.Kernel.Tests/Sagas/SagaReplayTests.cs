using EventFlowApp.Kernel.Tests.Domain;

namespace EventFlowApp.Kernel.Tests.Sagas;

/// <summary>A saga's decisions went out when the events were new; a replay of its processor decides and sends nothing.</summary>
public sealed class SagaReplayTests : SagaHost
{
    [Fact]
    public async Task A_replayed_saga_processor_appends_nothing_sends_nothing_and_queues_no_timeout()
    {
        await Host.CreateAsync(Thing);
        await Host.CountAsync(Thing, times: 3);
        await SettleAsync();
        var head = (await Host.AllAsync())[^1].GlobalSequenceNumber;
        var (published, jobs) = (Crash.Published, Jobs.Jobs.Count);

        await Store.ResetAsync(Processor, 0, Ct);
        await SettleAsync();

        Assert.Equal(head, (await Host.AllAsync())[^1].GlobalSequenceNumber);
        Assert.Equal((published, jobs), (Crash.Published, Jobs.Jobs.Count));
        Assert.Equal(head, (await ProcessorAsync()).Position);
    }

    [Fact]
    public async Task After_a_replay_new_events_are_handled_again()
    {
        await Host.CreateAsync(Thing);
        await SettleAsync();
        await Store.ResetAsync(Processor, 0, Ct);
        await SettleAsync();

        await Host.CountAsync(Thing);
        await SettleAsync();

        Assert.Equal("counted 1", (await Host.LoadAsync(Thing)).State.Name);
    }
}

using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.Tests.Domain;

namespace EventFlowApp.Kernel.Tests.Sagas;

/// <summary>A crash after the saga stored its decision, then the same event again: no second decision, no second effect.</summary>
public sealed class SagaRedeliveryTests : SagaHost
{
    private async Task<int> StepsAsync() => (await SagaStreamAsync()).Count(e => e.Event.EventName == "SagaStep:ThingWatch");

    [Fact]
    public async Task A_crash_before_sending_stops_the_processor_and_the_commands_go_out_once_on_redelivery()
    {
        await Host.CreateAsync(Thing);
        await SettleAsync();
        Crash.Before = c => c is PokeThing;
        await Host.CountAsync(Thing);

        await SettleAsync();
        var stopped = await ProcessorAsync();
        Assert.Equal(ProcessorRunState.Stopped, stopped.State);
        Assert.Contains("crashed before sending", stopped.LastError!.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("ThingPoked", await ThingEventsAsync());
        var steps = await StepsAsync();

        await Store.ResumeAsync(Processor, Ct);
        await SettleAsync();

        Assert.Equal(["ThingCreated", "ThingCounted", "ThingPoked", "ThingRenamed"], await ThingEventsAsync());
        Assert.Equal(steps + 1, await StepsAsync()); // + the step of the ThingPoked the command caused, nothing for the redelivery
        Assert.Equal(1, (await SagaAsync()).State.Data.Counts);
    }

    [Fact]
    public async Task A_crash_between_two_commands_sends_the_first_again_without_a_second_effect()
    {
        await Host.CreateAsync(Thing);
        await SettleAsync();
        Crash.After = c => c is PokeThing;
        await Host.CountAsync(Thing);

        await SettleAsync();
        Assert.Equal(["ThingCreated", "ThingCounted", "ThingPoked"], await ThingEventsAsync());

        await Store.ResumeAsync(Processor, Ct);
        await SettleAsync();

        Assert.Equal(["ThingCreated", "ThingCounted", "ThingPoked", "ThingRenamed"], await ThingEventsAsync());
        Assert.Equal(1, (await SagaAsync()).State.Data.Pokes);
    }

    [Fact]
    public async Task An_event_delivered_again_after_everything_was_sent_is_recognised_by_its_position()
    {
        await Host.CreateAsync(Thing);
        await Host.CountAsync(Thing);
        await SettleAsync();
        var sagaEvents = (await SagaStreamAsync()).Count;
        var head = (await Host.AllAsync())[^1].GlobalSequenceNumber;
        var published = Crash.Published;

        await Store.RewindAsAfterACrash(Processor, 0);
        await SettleAsync();

        Assert.Equal(sagaEvents, (await SagaStreamAsync()).Count);
        Assert.Equal(head, (await Host.AllAsync())[^1].GlobalSequenceNumber);
        Assert.True(Crash.Published > published, "the commands of the redelivered events were sent again (as duplicates)");
        Assert.Single(Jobs.Jobs);
    }
}

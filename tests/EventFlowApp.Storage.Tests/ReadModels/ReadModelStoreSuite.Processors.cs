using EventFlowApp.Kernel.Processors;

namespace EventFlowApp.Storage.Tests.ReadModels;

public abstract partial class ReadModelStoreSuite
{
    private static readonly ProcessorFailure Failure =
        new(7, Guid.Parse("8d1f0a57-3e2c-4b7e-9a51-2f0c9e4d1a11"), "NoteWritten", "InvalidOperationException: no", "at Somewhere()", Start);

    [Fact]
    public async Task A_stale_expected_position_stores_nothing()
    {
        var live = await LiveAsync();
        await CommitAsync(live, 0, 5, new Dictionary<string, Posting> { ["a"] = Row("1000", 1m) });

        await Assert.ThrowsAsync<ProcessorLeaseLostException>(
            () => CommitAsync(live, 3, 9, new Dictionary<string, Posting> { ["a"] = Row("1000", 2m), ["b"] = Row("1000", 3m) }, ["a"]));

        Assert.Equal(1m, (await GetAsync("a"))!.Amount);
        Assert.Null(await GetAsync("b"));
        Assert.Equal(5, await PositionAsync(live));
    }

    [Fact]
    public async Task A_foreign_or_expired_owner_stores_nothing()
    {
        var live = await LiveAsync();
        await Assert.ThrowsAsync<ProcessorLeaseLostException>(
            () => CommitAsync(live, 0, 1, new Dictionary<string, Posting> { ["a"] = Row("1000", 1m) }, owner: NodeB));
        Clock.Advance(Lease);
        await Assert.ThrowsAsync<ProcessorLeaseLostException>(
            () => CommitAsync(live, 0, 1, new Dictionary<string, Posting> { ["a"] = Row("1000", 1m) }));

        Assert.Null(await GetAsync("a"));
        Assert.Equal(0, await PositionAsync(live));
    }

    [Fact]
    public async Task A_checkpoint_never_moves_backwards()
    {
        var live = await LiveAsync();
        await CommitAsync(live, 0, 5);
        await Assert.ThrowsAsync<ArgumentException>(() => CommitAsync(live, 5, 4, new Dictionary<string, Posting> { ["a"] = Row("1000", 1m) }));

        Assert.Null(await GetAsync("a"));
        Assert.Equal(5, await PositionAsync(live));
    }

    [Fact]
    public async Task Leases_are_taken_renewed_refused_until_expiry_and_released()
    {
        const string name = "subscriber:mailer";
        await Processors.EnsureAsync(name, Ct);
        await Processors.EnsureAsync(name, Ct);
        Assert.True(await Processors.TryAcquireLeaseAsync(name, NodeA, Lease, Ct));
        Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await Processors.TryAcquireLeaseAsync(name, NodeA, Lease, Ct));
        Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.False(await Processors.TryAcquireLeaseAsync(name, NodeB, Lease, Ct));

        var held = await Processors.GetAsync(name, Ct);
        Assert.Equal((NodeA, Start.AddSeconds(50)), (held!.LeaseOwner, held.LeaseExpiresAt!.Value));
        Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await Processors.TryAcquireLeaseAsync(name, NodeB, Lease, Ct));
        await Assert.ThrowsAsync<ProcessorLeaseLostException>(
            () => Processors.AdvanceAsync(new CheckpointAdvance(name, NodeA, 0, 1), Ct));

        await Processors.ReleaseLeaseAsync(name, NodeA, Ct);
        Assert.Equal(NodeB, (await Processors.GetAsync(name, Ct))!.LeaseOwner);
        await Processors.ReleaseLeaseAsync(name, NodeB, Ct);
        Assert.Null((await Processors.GetAsync(name, Ct))!.LeaseOwner);
        Assert.True(await Processors.TryAcquireLeaseAsync(name, NodeA, Lease, Ct));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Processors.TryAcquireLeaseAsync("nobody", NodeA, Lease, Ct));
    }

    [Fact]
    public async Task Two_stores_racing_for_one_lease_let_exactly_one_win()
    {
        const string name = "subscriber:race";
        await Processors.EnsureAsync(name, Ct);
        var second = (IProcessorStore)Target.CreateSecondReadModelStore(Services);
        var stores = new[] { Processors, second };
        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(
            () => stores[i % 2].TryAcquireLeaseAsync(name, $"node-{i}", Lease, Ct), Ct));

        var won = await Task.WhenAll(attempts);

        Assert.Single(won, w => w);
        var owner = (await second.GetAsync(name, Ct))!.LeaseOwner;
        Assert.Equal($"node-{Array.IndexOf(won, true)}", owner);
    }

    [Fact]
    public async Task Stop_resume_and_complete_change_the_state_for_the_lease_holder_only()
    {
        var live = await LiveAsync();
        var name = live.ProcessorName;
        await Assert.ThrowsAsync<ProcessorLeaseLostException>(() => Processors.StopAsync(name, NodeB, Failure, Ct));
        await Processors.StopAsync(name, NodeA, Failure, Ct);

        var stopped = await Processors.GetAsync(name, Ct);
        Assert.Equal(ProcessorRunState.Stopped, stopped!.State);
        Assert.Equal(Failure, stopped.LastError);
        await Processors.ResumeAsync(name, Ct);
        Assert.Equal(ProcessorRunState.Active, (await Processors.GetAsync(name, Ct))!.State);
        await Processors.CompleteAsync(name, NodeA, Ct);
        Assert.Equal(ProcessorRunState.Completed, (await Processors.GetAsync(name, Ct))!.State);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Processors.ResumeAsync("nobody", Ct));
    }

    [Fact]
    public async Task Reset_replays_up_to_where_the_processor_had_been()
    {
        var live = await LiveAsync();
        await CommitAsync(live, 0, 40);
        await Processors.ResetAsync(live.ProcessorName, 10, Ct);

        var reset = await Processors.GetAsync(live.ProcessorName, Ct);
        Assert.Equal((10L, 40L, true), (reset!.Position, reset.ReplayUntil, reset.IsReplaying));
        await Processors.ResetAsync(live.ProcessorName, 0, Ct);
        Assert.Equal(40, (await Processors.GetAsync(live.ProcessorName, Ct))!.ReplayUntil);
    }

    [Fact]
    public async Task A_parked_event_is_recorded_with_the_checkpoint_move()
    {
        var live = await LiveAsync();
        await CommitAsync(live, 0, 6);
        await Store.CommitAsync(
            new(Postings, live.Generation, new Dictionary<string, Kernel.ReadModels.IReadModel>(), [], new CheckpointAdvance(live.ProcessorName, NodeA, 6, 7, Failure)),
            Ct);
        await Assert.ThrowsAsync<ProcessorLeaseLostException>(
            () => Processors.AdvanceAsync(new CheckpointAdvance(live.ProcessorName, NodeA, 6, 8, Failure with { Position = 8 }), Ct));

        var state = await Processors.GetAsync(live.ProcessorName, Ct);
        Assert.Equal((7L, 1), (state!.Position, state.ParkedCount));
        Assert.Equal([new ParkedEvent(live.ProcessorName, Failure)], await Processors.ListParkedAsync(live.ProcessorName, Ct));
        Assert.Contains(live.ProcessorName, (await Processors.ListAsync(Ct)).Select(p => p.Name));

        await Processors.DeleteAsync(live.ProcessorName, Ct);
        Assert.Null(await Processors.GetAsync(live.ProcessorName, Ct));
        Assert.Empty(await Processors.ListParkedAsync(live.ProcessorName, Ct));
    }
}

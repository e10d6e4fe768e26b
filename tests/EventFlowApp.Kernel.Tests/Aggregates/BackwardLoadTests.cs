using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Snapshots;
using EventFlowApp.Kernel.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Tests.Aggregates;

/// <summary>
/// Walking back through declared inverses from the current state (or a snapshot) gives, for every version,
/// exactly the state a forward replay gives. The types are private so that AddDefaults never sees them.
/// </summary>
public sealed class BackwardLoadTests : IDisposable
{
    private readonly StreamReadRecorder _reads = new();
    private readonly KernelHost _host;
    private readonly WalletId _id = WalletId.New;

    public BackwardLoadTests() =>
        _host = KernelHost.Create(
            o => o.AddEvents(typeof(Deposited), typeof(Withdrawn), typeof(WalletFrozen)).AddSnapshots<Wallet>(10),
            s => s.AddSingleton<IEventPersistence>(_reads));

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Every_version_walked_back_equals_the_forward_replay()
    {
        await GivenHistoryAsync(35, freezeAt: null);

        for (var version = 0L; version <= 35; version++)
        {
            var backward = await _host.Aggregates.LoadBackwardAsync<Wallet, WalletId>(_id, version, KernelHost.Ct);
            var forward = await _host.Aggregates.LoadAsync<Wallet, WalletId>(_id, AsOf.AtVersion(version), KernelHost.Ct);

            Assert.Equal(forward.State, backward.State);
            Assert.Equal(forward.Version, backward.Version);
            Assert.Equal(forward.LastEventTimestamp, backward.LastEventTimestamp);
        }
    }

    [Fact]
    public async Task It_starts_from_the_snapshot_and_reads_only_the_tail()
    {
        await GivenHistoryAsync(30, freezeAt: null);
        _reads.Clear();

        var wallet = await _host.Aggregates.LoadBackwardAsync<Wallet, WalletId>(_id, 27, KernelHost.Ct);

        Assert.Equal(27, wallet.Version);
        Assert.Equal([(_id.Value, 31L, long.MaxValue), (_id.Value, 27L, 30L)], _reads.Reads);
    }

    [Fact]
    public async Task An_event_without_an_inverse_falls_back_to_the_forward_replay()
    {
        await GivenHistoryAsync(25, freezeAt: 22);

        var backward = await _host.Aggregates.LoadBackwardAsync<Wallet, WalletId>(_id, 21, KernelHost.Ct);
        var forward = await _host.Aggregates.LoadAsync<Wallet, WalletId>(_id, AsOf.AtVersion(21), KernelHost.Ct);

        Assert.Equal(forward.State, backward.State);
        Assert.False(backward.State.Frozen);
    }

    /// <summary>Event n deposits or withdraws n (alternately), one commit per minute; one may freeze instead.</summary>
    private async Task GivenHistoryAsync(int count, int? freezeAt)
    {
        var wallet = new Wallet(_id);
        for (var n = 1; n <= count; n++)
        {
            _host.Clock.Advance(TimeSpan.FromMinutes(1));
            wallet.Do(n, freeze: n == freezeAt);
            await _host.Aggregates.StoreAsync([wallet], CommitContext.ForSource($"w-{n}"), KernelHost.Ct);
        }
    }

    private sealed class WalletId(string value) : Identity<WalletId>(value);

    [AggregateName("Wallet")]
    private sealed class Wallet(WalletId id) : AggregateRoot<Wallet, WalletId, WalletState>(id)
    {
        public void Do(int n, bool freeze)
        {
            if (freeze)
            {
                Emit(new WalletFrozen());
            }
            else if (n % 3 == 0)
            {
                Emit(new Withdrawn(n));
            }
            else
            {
                Emit(new Deposited(n));
            }
        }
    }

    [SnapshotVersion("WalletState", 1)]
    private sealed record WalletState : IAggregateState<WalletState>
    {
        public decimal Balance { get; init; }

        public bool Frozen { get; init; }

        public WalletState Apply(IAggregateEvent aggregateEvent) => aggregateEvent switch
        {
            Deposited e => this with { Balance = Balance + e.Amount },
            Withdrawn e => this with { Balance = Balance - e.Amount },
            WalletFrozen => this with { Frozen = true },
            _ => this,
        };
    }

    [EventVersion("WalletDeposited", 1)]
    private sealed record Deposited(decimal Amount) : IAggregateEvent<Wallet, WalletId>, IInvertibleEvent
    {
        public IAggregateEvent Inverse() => new Withdrawn(Amount);
    }

    [EventVersion("WalletWithdrawn", 1)]
    private sealed record Withdrawn(decimal Amount) : IAggregateEvent<Wallet, WalletId>, IInvertibleEvent
    {
        public IAggregateEvent Inverse() => new Deposited(Amount);
    }

    /// <summary>Declares no inverse: whether the wallet was frozen before cannot be told from the event.</summary>
    [EventVersion("WalletFrozen", 1)]
    private sealed record WalletFrozen : IAggregateEvent<Wallet, WalletId>;
}

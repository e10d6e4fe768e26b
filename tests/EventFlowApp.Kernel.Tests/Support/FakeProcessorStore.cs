using EventFlowApp.Kernel.Processors;

namespace EventFlowApp.Kernel.Tests.Support;

/// <summary>
/// A small in-memory IProcessorStore for tests (the real in-memory one lives elsewhere): checkpoints
/// move only from the expected position, leases are honoured, a reset marks the replay.
/// Also linked into the ledger tests.
/// </summary>
public sealed class FakeProcessorStore(TimeProvider time) : IProcessorStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ProcessorState> _states = new(StringComparer.Ordinal);
    private readonly List<ParkedEvent> _parked = [];

    public List<CheckpointAdvance> Advances { get; } = [];

    public Task<ProcessorState?> GetAsync(string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_states.GetValueOrDefault(name));
        }
    }

    public Task<IReadOnlyList<ProcessorState>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ProcessorState>>([.. _states.Values]);
        }
    }

    public Task EnsureAsync(string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _states.TryAdd(name, new ProcessorState(name, 0, 0, ProcessorRunState.Active, null, 0, null, null, time.GetUtcNow()));
            return Task.CompletedTask;
        }
    }

    public Task<bool> TryAcquireLeaseAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var state = _states[name];
            var now = time.GetUtcNow();
            if (state.LeaseOwner is not null && state.LeaseOwner != owner && state.LeaseExpiresAt > now)
            {
                return Task.FromResult(false);
            }

            _states[name] = state with { LeaseOwner = owner, LeaseExpiresAt = now + duration };
            return Task.FromResult(true);
        }
    }

    public Task ReleaseLeaseAsync(string name, string owner, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_states.TryGetValue(name, out var state) && state.LeaseOwner == owner)
            {
                _states[name] = state with { LeaseOwner = null, LeaseExpiresAt = null };
            }

            return Task.CompletedTask;
        }
    }

    public Task AdvanceAsync(CheckpointAdvance advance, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var state = _states.GetValueOrDefault(advance.Processor);
            if (state is null || state.LeaseOwner != advance.Owner || state.Position != advance.ExpectedPosition || advance.NewPosition < advance.ExpectedPosition)
            {
                throw new ProcessorLeaseLostException(advance.Processor, advance.Owner);
            }

            Advances.Add(advance);
            if (advance.Parked is not null)
            {
                _parked.Add(new ParkedEvent(advance.Processor, advance.Parked));
            }

            _states[advance.Processor] = state with
            {
                Position = advance.NewPosition,
                ParkedCount = state.ParkedCount + (advance.Parked is null ? 0 : 1),
                UpdatedAt = time.GetUtcNow(),
            };
            return Task.CompletedTask;
        }
    }

    public Task StopAsync(string name, string owner, ProcessorFailure failure, CancellationToken cancellationToken) =>
        Change(name, s => s with { State = ProcessorRunState.Stopped, LastError = failure });

    public Task CompleteAsync(string name, string owner, CancellationToken cancellationToken) =>
        Change(name, s => s with { State = ProcessorRunState.Completed });

    public Task ResumeAsync(string name, CancellationToken cancellationToken) =>
        Change(name, s => s with { State = ProcessorRunState.Active });

    public Task ResetAsync(string name, long toPosition, CancellationToken cancellationToken) =>
        Change(name, s => s with { ReplayUntil = Math.Max(s.ReplayUntil, s.Position), Position = toPosition, State = ProcessorRunState.Active });

    public Task<IReadOnlyList<ParkedEvent>> ListParkedAsync(string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ParkedEvent>>(_parked.Where(p => p.Processor == name).ToList());
        }
    }

    /// <summary>Puts the checkpoint back without marking a replay: what a crash between the effect and the checkpoint move leaves.</summary>
    public Task RewindAsAfterACrash(string name, long toPosition) => Change(name, s => s with { Position = toPosition });

    public Task DeleteAsync(string name, CancellationToken cancellationToken) =>
        Change(name, _ => null);

    private Task Change(string name, Func<ProcessorState, ProcessorState?> change)
    {
        lock (_lock)
        {
            var next = change(_states[name]);
            if (next is null)
            {
                _states.Remove(name);
            }
            else
            {
                _states[name] = next with { UpdatedAt = time.GetUtcNow() };
            }

            return Task.CompletedTask;
        }
    }
}

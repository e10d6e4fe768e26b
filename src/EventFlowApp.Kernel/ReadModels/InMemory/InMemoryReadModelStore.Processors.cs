using EventFlowApp.Kernel.Processors;

namespace EventFlowApp.Kernel.ReadModels.InMemory;

public sealed partial class InMemoryReadModelStore
{
    private readonly Dictionary<string, ProcessorState> _processors = new(StringComparer.Ordinal);
    private readonly List<ParkedEvent> _parked = [];

    public Task<ProcessorState?> GetAsync(string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_processors.GetValueOrDefault(name));
        }
    }

    public Task<IReadOnlyList<ProcessorState>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<ProcessorState> list = _processors.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
            return Task.FromResult(list);
        }
    }

    public Task EnsureAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_lock)
        {
            if (!_processors.ContainsKey(name))
            {
                CreateProcessor(name);
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> TryAcquireLeaseAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var state = Existing(name);
            var now = time.GetUtcNow();
            var free = state.LeaseOwner is null || state.LeaseOwner == owner || state.LeaseExpiresAt <= now;
            if (free)
            {
                _processors[name] = state with { LeaseOwner = owner, LeaseExpiresAt = now + duration };
            }

            return Task.FromResult(free);
        }
    }

    public Task ReleaseLeaseAsync(string name, string owner, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_processors.TryGetValue(name, out var state) && state.LeaseOwner == owner)
            {
                _processors[name] = state with { LeaseOwner = null, LeaseExpiresAt = null };
            }
        }

        return Task.CompletedTask;
    }

    public Task AdvanceAsync(CheckpointAdvance advance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(advance);
        lock (_lock)
        {
            Advance(CheckAdvance(advance), advance);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(string name, string owner, ProcessorFailure failure, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var state = Held(name, owner);
            _processors[name] = state with { State = ProcessorRunState.Stopped, LastError = failure, UpdatedAt = time.GetUtcNow() };
        }

        return Task.CompletedTask;
    }

    public Task CompleteAsync(string name, string owner, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var state = Held(name, owner);
            _processors[name] = state with { State = ProcessorRunState.Completed, UpdatedAt = time.GetUtcNow() };
        }

        return Task.CompletedTask;
    }

    public Task ResumeAsync(string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var state = Existing(name);
            if (state.State == ProcessorRunState.Stopped)
            {
                _processors[name] = state with { State = ProcessorRunState.Active, UpdatedAt = time.GetUtcNow() };
            }
        }

        return Task.CompletedTask;
    }

    public Task ResetAsync(string name, long toPosition, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(toPosition);
        lock (_lock)
        {
            var state = Existing(name);
            _processors[name] = state with
            {
                Position = toPosition,
                ReplayUntil = Math.Max(state.ReplayUntil, state.Position),
                State = ProcessorRunState.Active,
                UpdatedAt = time.GetUtcNow(),
            };
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ParkedEvent>> ListParkedAsync(string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<ParkedEvent> list = _parked.Where(p => p.Processor == name).OrderBy(p => p.Failure.Position).ToList();
            return Task.FromResult(list);
        }
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            RemoveProcessor(name);
        }

        return Task.CompletedTask;
    }

    /// <summary>The lease holder's processor at the expected position, or <see cref="ProcessorLeaseLostException"/>; the caller holds the lock.</summary>
    private ProcessorState CheckAdvance(CheckpointAdvance advance)
    {
        var state = Held(advance.Processor, advance.Owner);
        if (state.Position != advance.ExpectedPosition)
        {
            throw new ProcessorLeaseLostException(advance.Processor, advance.Owner);
        }

        if (advance.NewPosition < advance.ExpectedPosition)
        {
            throw new ArgumentException("A checkpoint never moves backwards; use ResetAsync to replay.", nameof(advance));
        }

        return state;
    }

    private void Advance(ProcessorState state, CheckpointAdvance advance)
    {
        var now = time.GetUtcNow();
        _processors[advance.Processor] = state with { Position = advance.NewPosition, UpdatedAt = now };
        if (advance.Parked is { } failure)
        {
            _parked.Add(new ParkedEvent(advance.Processor, failure));
            _processors[advance.Processor] = _processors[advance.Processor] with { ParkedCount = state.ParkedCount + 1 };
        }
    }

    private ProcessorState Held(string name, string owner)
    {
        var state = Existing(name);
        if (state.LeaseOwner != owner || state.LeaseExpiresAt <= time.GetUtcNow())
        {
            throw new ProcessorLeaseLostException(name, owner);
        }

        return state;
    }

    private ProcessorState Existing(string name) =>
        _processors.GetValueOrDefault(name) ?? throw new KeyNotFoundException($"There is no processor '{name}'.");

    private void CreateProcessor(string name) =>
        _processors[name] = new ProcessorState(name, 0, 0, ProcessorRunState.Active, null, 0, null, null, time.GetUtcNow());

    private void RemoveProcessor(string name)
    {
        _processors.Remove(name);
        _parked.RemoveAll(p => p.Processor == name);
    }
}

using System.Reflection;
using EventFlowApp.Kernel.Aggregates;
using Microsoft.Extensions.Logging;
using EventFlowApp.Kernel.Serialization;

namespace EventFlowApp.Kernel.Snapshots;

/// <summary>Restores aggregates from snapshots and takes new ones by each aggregate type's strategy.</summary>
public sealed class SnapshotManager
{
    private readonly Dictionary<Type, SnapshotStrategy> _strategies;
    private readonly ISnapshotPersistence _persistence;
    private readonly IJsonSerializer _json;
    private readonly TimeProvider _time;
    private readonly ILogger<SnapshotManager> _logger;

    public SnapshotManager(
        IEnumerable<SnapshotStrategy> strategies, ISnapshotPersistence persistence, IJsonSerializer json, TimeProvider time, ILogger<SnapshotManager> logger)
    {
        _strategies = strategies.ToDictionary(s => s.AggregateType);  // AddSnapshots refuses a second strategy for a type
        _persistence = persistence;
        _json = json;
        _time = time;
        _logger = logger;
    }

    public bool IsEnabledFor(Type aggregateType) => _strategies.ContainsKey(aggregateType);

    /// <summary>
    /// Restores the newest usable snapshot at or before <paramref name="maxSequenceNumber"/> (and, when given,
    /// whose last event is not after <paramref name="notAfter"/>). A snapshot of another schema version is ignored.
    /// </summary>
    public async Task<bool> TryRestoreAsync(IAggregateRoot aggregate, long maxSequenceNumber, DateTimeOffset? notAfter, CancellationToken cancellationToken)
    {
        if (!IsEnabledFor(aggregate.GetType()) || aggregate is not ISnapshotable target)
        {
            return false;
        }

        var (name, version) = Describe(target.StateType);
        var snapshot = await _persistence.LoadAsync(aggregate.GetIdentity().Value, maxSequenceNumber, notAfter?.UtcDateTime, cancellationToken);
        if (snapshot is null || snapshot.SnapshotName != name || snapshot.SnapshotVersion != version)
        {
            return false;
        }

        var state = _json.Deserialize(snapshot.Data, target.StateType);
        target.RestoreState(state, snapshot.AggregateSequenceNumber, new DateTimeOffset(snapshot.LastEventTimestampUtc, TimeSpan.Zero));
        return true;
    }

    /// <summary>
    /// Takes a snapshot when the commit crossed the strategy's interval. The events are already committed,
    /// so a failure here is logged and the next crossing tries again: a missing snapshot costs only speed.
    /// </summary>
    public async Task TakeIfDueAsync(IAggregateRoot aggregate, long versionBefore, CancellationToken cancellationToken)
    {
        if (!_strategies.TryGetValue(aggregate.GetType(), out var strategy) ||
            !strategy.ShouldTake(versionBefore, aggregate.Version) ||
            aggregate is not ISnapshotable source)
        {
            return;
        }

        var (name, version) = Describe(source.StateType);
        try
        {
            await _persistence.SaveAsync(
                new StoredSnapshot(
                    aggregate.Name,
                    aggregate.GetIdentity().Value,
                    aggregate.Version,
                    name,
                    version,
                    _json.Serialize(source.GetState(), source.StateType),
                    source.LastEventTimestamp?.UtcDateTime ?? _time.GetUtcNow().UtcDateTime,
                    _time.GetUtcNow().UtcDateTime),
                cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "Snapshot of {Aggregate} at version {Version} was not stored", aggregate.GetIdentity().Value, aggregate.Version);
        }
    }

    private static (string Name, int Version) Describe(Type stateType)
    {
        var attribute = stateType.GetCustomAttribute<SnapshotVersionAttribute>()
            ?? throw new InvalidOperationException($"{stateType.Name} needs [SnapshotVersion(\"Name\", n)] to be snapshotted.");
        return (attribute.Name, attribute.Version);
    }
}

using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.Aggregates;

public sealed partial class AggregateStore
{
    public async Task<TAggregate> LoadBackwardAsync<TAggregate, TIdentity>(TIdentity id, long version, CancellationToken cancellationToken)
        where TAggregate : IAggregateRoot<TIdentity>
        where TIdentity : IIdentity
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        var aggregate = await LoadAsync<TAggregate, TIdentity>(id, cancellationToken);
        if (version >= aggregate.Version)
        {
            return aggregate;
        }

        // The event at `version` itself is read too: its timestamp is the state's last-event time.
        var rows = await _persistence.LoadStreamAsync(id.Value, Math.Max(version, 1), aggregate.Version, cancellationToken);
        var later = rows.Where(r => r.Event.AggregateSequenceNumber > version).ToList();
        var inverses = new List<IAggregateEvent>(later.Count);
        foreach (var row in later)
        {
            if (_serializer.DeserializePayload(row) is not IInvertibleEvent invertible)
            {
                return await LoadAsync<TAggregate, TIdentity>(id, AsOf.AtVersion(version), cancellationToken);
            }

            inverses.Add(invertible.Inverse());
        }

        var previous = rows.FirstOrDefault(r => r.Event.AggregateSequenceNumber == version);
        for (var i = later.Count - 1; i >= 0; i--)
        {
            var sequenceNumber = later[i].Event.AggregateSequenceNumber;
            var before = i > 0 ? later[i - 1] : previous;
            aggregate.RevertCommitted(inverses[i], sequenceNumber, before is null ? null : new DateTimeOffset(before.Event.TimestampUtc, TimeSpan.Zero));
        }

        return aggregate;
    }
}

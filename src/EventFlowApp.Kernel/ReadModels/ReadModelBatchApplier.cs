using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Processors;

namespace EventFlowApp.Kernel.ReadModels;

/// <summary>
/// Folds a batch of events into a read model's rows: locate the rows each event updates, load them all
/// in one call, apply in order, and return what changed. Shared by the tracked processor and by the
/// consistent-on-write update inside the event store's commit, so both produce the same rows.
/// </summary>
public sealed class ReadModelBatchApplier(ReadModelDefinition definition, IReadModelLocator locator)
{
    public ReadModelDefinition Definition { get; } = definition;

    /// <summary>The ids each handled event updates, in batch order; events the read model ignores get none.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Locate(IReadOnlyList<IDomainEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var located = new IReadOnlyList<string>[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            try
            {
                located[i] = Definition.Handles(events[i].EventType) ? locator.GetReadModelIds(events[i]).Distinct(StringComparer.Ordinal).ToList() : [];
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new ProcessorEventException(i, prefixStored: false, e);
            }
        }

        return located;
    }

    /// <summary>
    /// Applies the events to <paramref name="loaded"/> (rows as stored before the batch; they are changed
    /// in place) and returns the rows to write and to delete. A failing event throws
    /// <see cref="ProcessorEventException"/> with its index: the caller discards everything of the batch.
    /// </summary>
    public (IReadOnlyDictionary<string, IReadModel> Upserts, IReadOnlyCollection<string> Deletes) Apply(
        IReadOnlyList<IDomainEvent> events, IReadOnlyList<IReadOnlyList<string>> located, IReadOnlyDictionary<string, IReadModel> loaded)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(located);
        ArgumentNullException.ThrowIfNull(loaded);
        var rows = new Dictionary<string, IReadModel>(loaded, StringComparer.Ordinal);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        var context = new Context();
        for (var i = 0; i < events.Count; i++)
        {
            foreach (var id in located[i])
            {
                var isNew = !rows.TryGetValue(id, out var row);
                row ??= Definition.Create();
                context.Reset(id, isNew);
                try
                {
                    Definition.Apply(row, context, events[i]);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw new ProcessorEventException(i, prefixStored: false, e);
                }

                if (context.Deleted)
                {
                    rows.Remove(id);
                    touched.Remove(id);
                    deleted.Add(id);
                }
                else
                {
                    rows[id] = row;
                    touched.Add(id);
                    deleted.Remove(id);
                }
            }
        }

        var upserts = touched.ToDictionary(id => id, id => rows[id], StringComparer.Ordinal);
        return (upserts, deleted);
    }

    private sealed class Context : IReadModelContext
    {
        public string ReadModelId { get; private set; } = "";

        public bool IsNew { get; private set; }

        public bool Deleted { get; private set; }

        public void MarkForDeletion() => Deleted = true;

        public void Reset(string id, bool isNew)
        {
            ReadModelId = id;
            IsNew = isNew;
            Deleted = false;
        }
    }
}

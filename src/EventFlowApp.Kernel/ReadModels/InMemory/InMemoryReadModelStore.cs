using System.Reflection;
using EventFlowApp.Kernel.Processors;

namespace EventFlowApp.Kernel.ReadModels.InMemory;

/// <summary>
/// Read-model rows, generations and processor state in process memory, for tests and specs. One lock
/// makes each operation atomic, as a database transaction would, and it passes the same conformance
/// suite as the database stores. Rows are copied in and out, so a caller mutating a row it loaded
/// changes nothing until it commits.
/// </summary>
public sealed partial class InMemoryReadModelStore(TimeProvider time) : IReadModelStore, IReadModelGenerationStore, IProcessorStore
{
    private static readonly Func<object, object> Clone =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!.CreateDelegate<Func<object, object>>();

    private readonly Lock _lock = new();
    private readonly Dictionary<(string ReadModel, int Generation), Dictionary<string, IReadModel>> _rows = [];

    public Task<TReadModel?> GetAsync<TReadModel>(string id, ReadModelView view, CancellationToken cancellationToken)
        where TReadModel : class, IReadModel
    {
        var name = ReadModelDefinition.NameOf(typeof(TReadModel));
        lock (_lock)
        {
            var rows = RowsOf(name, ResolveView(name, view));
            return Task.FromResult(rows.TryGetValue(id, out var row) ? (TReadModel)Clone(row) : null);
        }
    }

    public Task<IReadOnlyList<TResult>> QueryAsync<TReadModel, TResult>(
        ReadModelView view, Func<IQueryable<TReadModel>, IQueryable<TResult>> query, CancellationToken cancellationToken)
        where TReadModel : class, IReadModel
    {
        var name = ReadModelDefinition.NameOf(typeof(TReadModel));
        List<TReadModel> copies;
        lock (_lock)
        {
            // Ordered by id, as the database stores' clustered keys would return an unordered scan most of the time:
            // a query that needs an order must say so, and tests see the same rows whatever the insertion order.
            copies = RowsOf(name, ResolveView(name, view))
                .OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => (TReadModel)Clone(r.Value))
                .ToList();
        }

        IReadOnlyList<TResult> result = query(copies.AsQueryable()).ToList();
        return Task.FromResult(result);
    }

    public Task<IReadOnlyDictionary<string, IReadModel>> LoadAsync(
        ReadModelDefinition definition, int generation, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var rows = RowsOf(definition.Name, generation);
            IReadOnlyDictionary<string, IReadModel> found = ids
                .Distinct(StringComparer.Ordinal)
                .Where(rows.ContainsKey)
                .ToDictionary(id => id, id => (IReadModel)Clone(rows[id]), StringComparer.Ordinal);
            return Task.FromResult(found);
        }
    }

    public Task CommitAsync(ReadModelChanges changes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            // Check before writing anything: a batch is all or nothing.
            var processor = CheckAdvance(changes.Checkpoint);
            var key = (changes.Definition.Name, changes.Generation);
            if (!_rows.TryGetValue(key, out var rows))
            {
                rows = new Dictionary<string, IReadModel>(StringComparer.Ordinal);
                _rows[key] = rows;
            }

            foreach (var id in changes.Deletes)
            {
                rows.Remove(id);
            }

            foreach (var (id, row) in changes.Upserts)
            {
                rows[id] = (IReadModel)Clone(row);
            }

            Advance(processor, changes.Checkpoint);
        }

        return Task.CompletedTask;
    }

    private Dictionary<string, IReadModel> RowsOf(string readModel, int generation) =>
        _rows.TryGetValue((readModel, generation), out var rows) ? rows : [];
}

namespace EventFlowApp.Kernel.ReadModels;

/// <summary>The read models this application registered, by stored name.</summary>
public sealed class ReadModelRegistry
{
    private readonly Dictionary<string, ReadModelDefinition> _byName = new(StringComparer.Ordinal);

    public ReadModelRegistry(IEnumerable<ReadModelDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        foreach (var definition in definitions)
        {
            if (_byName.TryGetValue(definition.Name, out var other) && other.Type != definition.Type)
            {
                throw new InvalidOperationException($"Read models {other.Type.Name} and {definition.Type.Name} are both named '{definition.Name}'.");
            }

            _byName[definition.Name] = definition;
        }
    }

    public IReadOnlyCollection<ReadModelDefinition> All => _byName.Values;

    public ReadModelDefinition Get(string name) =>
        _byName.TryGetValue(name, out var definition)
            ? definition
            : throw new KeyNotFoundException($"There is no read model '{name}'. Known: {string.Join(", ", _byName.Keys.Order(StringComparer.Ordinal))}.");

    public ReadModelDefinition Get(Type type) => Get(ReadModelDefinition.NameOf(type));
}

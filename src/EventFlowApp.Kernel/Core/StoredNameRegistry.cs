namespace EventFlowApp.Kernel.Core;

/// <summary>
/// Types by stored name and version, both ways, for the registries of events, commands and jobs: filled
/// at start-up, read-only after. Two types claiming one name and version is a start-up error.
/// </summary>
internal sealed class StoredNameRegistry<TDefinition>(string kind)
{
    private readonly Dictionary<Type, TDefinition> _byType = [];
    private readonly Dictionary<(string Name, int Version), (Type Type, TDefinition Definition)> _byName = [];

    public IReadOnlyCollection<TDefinition> All => _byType.Values;

    public IReadOnlyCollection<Type> Types => _byType.Keys;

    public bool Contains(Type type) => _byType.ContainsKey(type);

    public void Add(Type type, string name, int version, TDefinition definition)
    {
        if (_byName.TryGetValue((name, version), out var other))
        {
            throw new ArgumentException($"{type.FullName} and {other.Type.FullName} both claim {kind} {name} v{version}.", nameof(type));
        }

        _byType.Add(type, definition);
        _byName.Add((name, version), (type, definition));
    }

    public bool TryGet(Type type, out TDefinition definition) => _byType.TryGetValue(type, out definition!);

    public bool TryGet(string name, int version, out TDefinition definition)
    {
        var found = _byName.TryGetValue((name, version), out var entry);
        definition = entry.Definition;
        return found;
    }

    public bool HasName(string name) => _byName.Keys.Any(k => k.Name == name);
}

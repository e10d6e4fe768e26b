using System.Collections.Frozen;
using EventFlowApp.Kernel.ReadModels;

namespace EventFlowApp.Kernel.EntityFramework.ReadModels;

/// <summary>
/// The read models this application stores, taken from the <see cref="ReadModelDefinition"/>s registered
/// in DI. Their set decides the shape of <see cref="ReadModelDbContext"/>'s model, so <see cref="Key"/>
/// is part of EF's model cache key: two catalogs in one process (tests) get two models.
/// </summary>
public sealed class ReadModelCatalog
{
    private readonly FrozenDictionary<Type, ReadModelDefinition> _byType;
    private readonly FrozenDictionary<string, ReadModelDefinition> _byName;

    public ReadModelCatalog(IEnumerable<ReadModelDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var list = definitions.DistinctBy(d => d.Type).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        var clash = list.GroupBy(d => d.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new InvalidOperationException(
                $"Read models {string.Join(", ", clash.Select(d => d.Type.Name))} share the name '{clash.Key}'; each needs its own table.");
        }

        Definitions = list;
        _byType = list.ToFrozenDictionary(d => d.Type);
        _byName = list.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);
        ConsistentOnWrite = list.Where(d => d.ConsistentOnWrite).ToList();
        Key = string.Join(";", list.Select(d => $"{d.Name}={d.Type.AssemblyQualifiedName}"));
    }

    public static ReadModelCatalog Empty { get; } = new([]);

    public IReadOnlyList<ReadModelDefinition> Definitions { get; }

    /// <summary>The read models updated inside the event store's commit.</summary>
    public IReadOnlyList<ReadModelDefinition> ConsistentOnWrite { get; }

    /// <summary>Identifies the set of types: equal keys, equal EF models.</summary>
    public string Key { get; }

    /// <summary>Every read model with a [ReadModel] attribute in <paramref name="assemblies"/> (design time: the migrations).</summary>
    public static ReadModelCatalog Scan(params System.Reflection.Assembly[] assemblies) =>
        new(assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && Attribute.IsDefined(t, typeof(ReadModelAttribute), inherit: false))
            .Select(ReadModelDefinition.For));

    public bool TryGet(Type type, out ReadModelDefinition definition) => _byType.TryGetValue(type, out definition!);

    public bool TryGet(string name, out ReadModelDefinition definition) => _byName.TryGetValue(name, out definition!);

    public ReadModelDefinition Get(Type type) =>
        _byType.GetValueOrDefault(type)
        ?? throw new InvalidOperationException(
            $"Read model {type.Name} is not registered with the read-model store; register its ReadModelDefinition so its table is mapped.");

    public static string TableName(string readModel) => $"rm_{readModel}";
}

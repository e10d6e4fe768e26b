using System.Linq.Expressions;
using System.Reflection;
using EventFlowApp.Kernel.ReadModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EventFlowApp.Kernel.EntityFramework.ReadModels;

/// <summary>
/// What the hand-written upsert needs to know about a read model's table, read once from the EF model:
/// names, and each column's type mapping, whose <c>CreateParameter</c> applies the same value conversion
/// (UTC, decimal as text on SQLite) as EF's own inserts would.
/// </summary>
internal sealed class ReadModelTable
{
    private ReadModelTable(string name, RelationalTypeMapping generation, RelationalTypeMapping id, IReadOnlyList<ReadModelColumn> columns)
    {
        Name = name;
        GenerationMapping = generation;
        IdMapping = id;
        Columns = columns;
    }

    public string Name { get; }

    public RelationalTypeMapping GenerationMapping { get; }

    public RelationalTypeMapping IdMapping { get; }

    /// <summary>The value columns, in a fixed order (the key columns come first in every statement).</summary>
    public IReadOnlyList<ReadModelColumn> Columns { get; }

    /// <summary>generation, id, then the value columns.</summary>
    public IEnumerable<string> AllColumnNames =>
        new[] { ReadModelColumns.Generation, ReadModelColumns.Id }.Concat(Columns.Select(c => c.Name));

    public static ReadModelTable From(IModel model, ReadModelDefinition definition)
    {
        var entity = model.FindEntityType(definition.Type)
            ?? throw new InvalidOperationException($"Read model {definition.Type.Name} is not mapped; register its ReadModelDefinition.");
        var table = entity.GetTableName()!;
        var columns = entity.GetProperties()
            .Where(p => !p.IsShadowProperty())
            .Select(p => Column(p))
            .ToList();
        return new ReadModelTable(
            table,
            entity.FindProperty(ReadModelColumns.GenerationProperty)!.GetRelationalTypeMapping(),
            entity.FindProperty(ReadModelColumns.IdProperty)!.GetRelationalTypeMapping(),
            columns);
    }

    /// <summary>True when every column can travel as a typed array (PostgreSQL's unnest upsert; see ReadModelWriter).</summary>
    public bool ArraysOnly => Columns.All(c => c.ArrayElementType is not null);

    private static ReadModelColumn Column(IProperty property)
    {
        var mapping = property.GetRelationalTypeMapping();
        var provider = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        provider = Nullable.GetUnderlyingType(provider) ?? provider;
        Type? element = ArrayTypes.Contains(provider)
            ? provider.IsValueType && property.IsNullable ? typeof(Nullable<>).MakeGenericType(provider) : provider
            : null;
        return new ReadModelColumn(property.GetColumnName(), mapping, property.IsNullable, Getter(property.PropertyInfo!), element);
    }

    /// <summary>Provider types Npgsql writes as arrays of the column's type without help.</summary>
    private static readonly HashSet<Type> ArrayTypes =
    [
        typeof(bool), typeof(short), typeof(int), typeof(long), typeof(decimal), typeof(double), typeof(float),
        typeof(string), typeof(Guid), typeof(DateTime), typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan),
    ];

    /// <summary>A compiled getter: a rebuild reads every property of hundreds of thousands of rows.</summary>
    private static Func<object, object?> Getter(PropertyInfo property)
    {
        var row = Expression.Parameter(typeof(object), "row");
        var read = Expression.Property(Expression.Convert(row, property.DeclaringType!), property);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), row).Compile();
    }
}

/// <param name="ArrayElementType">The element type of a typed array of this column's provider values, or null when it has none.</param>
internal sealed record ReadModelColumn(string Name, RelationalTypeMapping Mapping, bool Nullable, Func<object, object?> Get, Type? ArrayElementType)
{
    /// <summary>The value as the provider stores it (after the mapping's conversion: UTC, enum numbers).</summary>
    public object? ProviderValue(object row)
    {
        var value = Get(row);
        return Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }
}

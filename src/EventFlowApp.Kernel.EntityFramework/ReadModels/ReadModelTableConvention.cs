using System.Reflection;
using EventFlowApp.Kernel.ReadModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EventFlowApp.Kernel.EntityFramework.ReadModels;

/// <summary>
/// Maps a read model class to <c>rm_&lt;name&gt;</c> by convention, so a read model author writes a plain
/// class and never an EF mapping: shadow key (generation, id), one snake_case column per public settable
/// property, bounded strings, exact decimals, UTC times, and the declared indexes behind the generation.
/// </summary>
internal static class ReadModelTableConvention
{
    /// <summary>UTC in and out. SQLite and SQL Server hand back unspecified kinds; Npgsql refuses non-UTC for timestamptz.</summary>
    private static readonly ValueConverter<DateTime, DateTime> Utc = new(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    /// <summary>
    /// A DateTimeOffset is stored as its UTC instant in a datetime column. SQLite keeps a DateTimeOffset as
    /// text EF cannot compare or order in SQL; as a UTC DateTime the same LINQ filter works on every
    /// provider. The offset is not kept: read models are UTC throughout, like the event store.
    /// </summary>
    private static readonly ValueConverter<DateTimeOffset, DateTime> UtcInstant = new(
        v => v.UtcDateTime,
        v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));

    public static IEnumerable<PropertyInfo> MappedProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetGetMethod() is not null && p.GetSetMethod() is not null);

    public static void Map(ModelBuilder modelBuilder, ReadModelDefinition definition)
    {
        var table = ReadModelCatalog.TableName(definition.Name);
        modelBuilder.Entity(definition.Type, b =>
        {
            b.ToTable(table);
            b.Property<int>(ReadModelColumns.GenerationProperty).HasColumnName(ReadModelColumns.Generation);
            b.Property<string>(ReadModelColumns.IdProperty).HasColumnName(ReadModelColumns.Id).HasMaxLength(ReadModelColumns.DefaultStringLength);
            b.HasKey(ReadModelColumns.GenerationProperty, ReadModelColumns.IdProperty).HasName($"pk_{table}");

            var mapped = MappedProperties(definition.Type).ToList();
            foreach (var ignored in definition.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Except(mapped))
            {
                b.Ignore(ignored.Name);
            }

            foreach (var property in mapped)
            {
                MapColumn(b, definition, property);
            }

            foreach (var index in definition.Indexes)
            {
                MapIndex(b, definition, table, index, mapped);
            }
        });
    }

    private static void MapColumn(EntityTypeBuilder b, ReadModelDefinition definition, PropertyInfo property)
    {
        var column = SnakeCase.From(property.Name);
        if (column is ReadModelColumns.Generation or ReadModelColumns.Id)
        {
            throw new InvalidOperationException(
                $"Read model {definition.Type.Name}: property {property.Name} would be stored in the '{column}' key column; " +
                "the row id and generation are kept by the store, so name it after what it is (AccountId, say).");
        }

        var p = b.Property(property.PropertyType, property.Name).HasColumnName(column);
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (type == typeof(string) && property.GetCustomAttribute<UnboundedTextAttribute>() is null)
        {
            p.HasMaxLength(ReadModelColumns.DefaultStringLength);
        }
        else if (type == typeof(decimal))
        {
            p.HasPrecision(ReadModelColumns.DecimalPrecision, ReadModelColumns.DecimalScale);
        }
        else if (type == typeof(DateTime))
        {
            p.HasConversion(Utc);
        }
        else if (type == typeof(DateTimeOffset))
        {
            p.HasConversion(UtcInstant);
        }
    }

    private static void MapIndex(EntityTypeBuilder b, ReadModelDefinition definition, string table, IReadOnlyList<string> index, List<PropertyInfo> mapped)
    {
        var unknown = index.FirstOrDefault(name => mapped.All(p => p.Name != name));
        if (unknown is not null)
        {
            throw new InvalidOperationException($"Read model {definition.Type.Name}: [ReadModelIndex] names '{unknown}', which is not a public settable property.");
        }

        var name = $"ix_{table}_{string.Join("_", index.Select(SnakeCase.From))}";
        if (name.Length > 63)
        {
            // PostgreSQL cuts identifiers at 63 bytes; keep names unique by ending long ones with a stable hash.
            name = $"{name[..50]}_{StableHash(name):x8}";
        }

        b.HasIndex([ReadModelColumns.GenerationProperty, .. index]).HasDatabaseName(name);
    }

    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}

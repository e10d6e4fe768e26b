using System.Collections.Frozen;
using System.Reflection;
using System.Text.RegularExpressions;
using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.ReadModels;

/// <summary>Everything the kernel needs to know about one read model type, read once from its attributes and interfaces.</summary>
public sealed partial class ReadModelDefinition
{
    private readonly FrozenDictionary<Type, ReadModelApplier> _appliers;

    private ReadModelDefinition(Type type, ReadModelAttribute attribute, Type locatorType, FrozenDictionary<Type, ReadModelApplier> appliers)
    {
        Type = type;
        Name = attribute.Name;
        ConsistentOnWrite = attribute.ConsistentOnWrite;
        ErrorPolicy = attribute.ErrorPolicy;
        LocatorType = locatorType;
        _appliers = appliers;
        Indexes = type.GetCustomAttributes<ReadModelIndexAttribute>().Select(a => a.Properties).ToList();
    }

    public Type Type { get; }

    /// <summary>The stable name (<see cref="ReadModelAttribute"/>).</summary>
    public string Name { get; }

    public bool ConsistentOnWrite { get; }

    public Processors.ProcessorErrorPolicy ErrorPolicy { get; }

    public Type LocatorType { get; }

    public IReadOnlyList<IReadOnlyList<string>> Indexes { get; }

    public IEnumerable<Type> EventTypes => _appliers.Keys;

    public bool Handles(Type eventType) => _appliers.ContainsKey(eventType);

    public IReadModel Create() => (IReadModel)Activator.CreateInstance(Type)!;

    /// <summary>Applies the event when the read model handles its type; returns false otherwise.</summary>
    public bool Apply(IReadModel readModel, IReadModelContext context, IDomainEvent domainEvent)
    {
        if (!_appliers.TryGetValue(domainEvent.EventType, out var applier))
        {
            return false;
        }

        applier(readModel, context, domainEvent);
        return true;
    }

    /// <summary>The stored name of a read model type, for queries that know only the type.</summary>
    public static string NameOf(Type type) =>
        type.GetCustomAttribute<ReadModelAttribute>()?.Name
        ?? throw new InvalidOperationException($"Read model {type.Name} needs a [ReadModel(\"name\")] attribute.");

    public static ReadModelDefinition For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var attribute = type.GetCustomAttribute<ReadModelAttribute>()
            ?? throw new InvalidOperationException($"Read model {type.Name} needs a [ReadModel(\"name\")] attribute: the stored name must not depend on the class name.");
        if (!ValidName().IsMatch(attribute.Name))
        {
            throw new InvalidOperationException(
                $"Read model name '{attribute.Name}' of {type.Name} must be 1-50 lower case letters, digits or underscores, starting with a letter.");
        }

        if (!typeof(IReadModel).IsAssignableFrom(type) || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new InvalidOperationException($"Read model {type.Name} must be a concrete class implementing IReadModel with a public parameterless constructor.");
        }

        var locator = type.GetCustomAttribute<ReadModelLocatorAttribute>()?.LocatorType ?? typeof(AggregateIdLocator);
        if (!typeof(IReadModelLocator).IsAssignableFrom(locator))
        {
            throw new InvalidOperationException($"{locator.Name}, the locator of {type.Name}, must implement IReadModelLocator.");
        }

        var appliers = ReadModelApplierBuilder.For(type);
        if (appliers.Count == 0)
        {
            throw new InvalidOperationException($"Read model {type.Name} implements no IAmReadModelFor<,,>.");
        }

        return new ReadModelDefinition(type, attribute, locator, appliers);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,49}$")]
    private static partial Regex ValidName();
}

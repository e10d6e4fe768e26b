namespace EventFlowApp.Kernel.ReadModels;

/// <summary>
/// The stable name of a read model: it names its table (<c>rm_&lt;name&gt;</c>) and its processors, so
/// renaming the class never orphans stored rows. Lower case letters, digits and underscores.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReadModelAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>
    /// Updated in the same transaction as the events it follows, so a command's caller reads its own
    /// write (account balances). A failing update fails the command. The default is tracked: updated
    /// shortly after, by the read model's processor.
    /// </summary>
    public bool ConsistentOnWrite { get; init; }

    /// <summary>What the read model's processors do with an event they cannot apply: stop (the default) or park it and go on.</summary>
    public Processors.ProcessorErrorPolicy ErrorPolicy { get; init; }
}

/// <summary>An index on the read model's table, within a generation (the generation is always its first column).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ReadModelIndexAttribute(params string[] properties) : Attribute
{
    public IReadOnlyList<string> Properties { get; } = properties;
}

/// <summary>A string column without the default length limit (200), e.g. a free-text description.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class UnboundedTextAttribute : Attribute;

/// <summary>Feeds the read model ids from a locator instead of the aggregate id (read models fed by many aggregates).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReadModelLocatorAttribute(Type locatorType) : Attribute
{
    public Type LocatorType { get; } = locatorType;
}

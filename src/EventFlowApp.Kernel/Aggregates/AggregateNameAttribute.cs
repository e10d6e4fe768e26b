namespace EventFlowApp.Kernel.Aggregates;

/// <summary>The stored name of an aggregate; required, so renaming the class never orphans its events.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AggregateNameAttribute : Attribute
{
    public AggregateNameAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }
}

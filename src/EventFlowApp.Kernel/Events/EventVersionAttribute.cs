namespace EventFlowApp.Kernel.Events;

/// <summary>
/// The stored name and version of an event. They, not the CLR type name, identify stored events, so
/// a class can be renamed or moved without breaking the history.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventVersionAttribute : Attribute
{
    public EventVersionAttribute(string name, int version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Name = name;
        Version = version;
    }

    public string Name { get; }

    public int Version { get; }
}

namespace EventFlowApp.Kernel.Commands;

/// <summary>
/// The stable name and version of a command that is stored before it is sent: a scheduled command, or
/// one a saga decided on. Such a command is read back by this name, never by its CLR name.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CommandNameAttribute : Attribute
{
    public CommandNameAttribute(string name, int version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Name = name;
        Version = version;
    }

    public string Name { get; }

    public int Version { get; }
}

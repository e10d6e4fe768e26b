namespace EventFlowApp.Kernel.Core;

/// <summary>
/// A stable name and version a type is stored or queued under (events, snapshots, commands, jobs, saga
/// timeouts). Stored data is found again by these, never by the CLR name, so a class can be renamed or
/// moved while data of it waits in a store or a queue.
/// </summary>
public abstract class StoredNameAttribute : Attribute
{
    protected StoredNameAttribute(string name, int version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Name = name;
        Version = version;
    }

    public string Name { get; }

    public int Version { get; }
}

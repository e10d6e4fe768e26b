namespace EventFlowApp.Kernel.Snapshots;

/// <summary>
/// The stored name and schema version of a snapshot (an aggregate's state type). Bump the version when
/// the state's shape changes: snapshots of an older version are ignored and the aggregate is replayed.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SnapshotVersionAttribute : Attribute
{
    public SnapshotVersionAttribute(string name, int version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Name = name;
        Version = version;
    }

    public string Name { get; }

    public int Version { get; }
}

namespace EventFlowApp.Kernel.Jobs;

/// <summary>
/// The stable name and version a job is queued under. A queued job is found again by these, never by
/// its CLR name, so a class can be renamed or moved while jobs of it wait in a queue.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class JobNameAttribute : Attribute
{
    public JobNameAttribute(string name, int version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Name = name;
        Version = version;
    }

    public string Name { get; }

    public int Version { get; }
}

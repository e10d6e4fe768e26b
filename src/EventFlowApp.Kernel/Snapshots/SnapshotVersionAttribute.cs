using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Kernel.Snapshots;

/// <summary>
/// The stored name and schema version of a snapshot (an aggregate's state type). Bump the version when
/// the state's shape changes: snapshots of an older version are ignored and the aggregate is replayed.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SnapshotVersionAttribute(string name, int version) : StoredNameAttribute(name, version);

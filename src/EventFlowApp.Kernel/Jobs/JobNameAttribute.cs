using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Kernel.Jobs;

/// <summary>
/// The stable name and version a job is queued under. A queued job is found again by these, never by
/// its CLR name, so a class can be renamed or moved while jobs of it wait in a queue.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class JobNameAttribute(string name, int version) : StoredNameAttribute(name, version);

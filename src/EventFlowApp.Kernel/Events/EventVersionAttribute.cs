using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Kernel.Events;

/// <summary>
/// The stored name and version of an event. They, not the CLR type name, identify stored events, so
/// a class can be renamed or moved without breaking the history.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventVersionAttribute(string name, int version) : StoredNameAttribute(name, version);

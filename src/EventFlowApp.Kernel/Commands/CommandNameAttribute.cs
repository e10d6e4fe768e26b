using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Kernel.Commands;

/// <summary>
/// The stable name and version of a command that is stored before it is sent: a scheduled command, or
/// one a saga decided on. Such a command is read back by this name, never by its CLR name.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CommandNameAttribute(string name, int version) : StoredNameAttribute(name, version);

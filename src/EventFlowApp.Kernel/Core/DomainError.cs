namespace EventFlowApp.Kernel.Core;

/// <summary>
/// A broken business rule, thrown by an aggregate before it emits anything. <see cref="Code"/> is a
/// stable name tests and clients can match on; the message is for people.
/// </summary>
public class DomainError(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

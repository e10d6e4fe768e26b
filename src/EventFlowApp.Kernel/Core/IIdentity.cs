namespace EventFlowApp.Kernel.Core;

/// <summary>An aggregate's identity: a string of the form <c>prefix-guid</c>.</summary>
public interface IIdentity
{
    string Value { get; }
}

namespace EventFlowApp.Kernel.Commands;

/// <summary>A source id already names another command (or another aggregate): a caller reused an idempotency key.</summary>
public sealed class SourceIdReusedException(string message) : InvalidOperationException(message);

namespace EventFlowApp.Kernel.Commands;

/// <summary>
/// What a command returns. Derive a record to return data (an entry's number, say); it is stored with
/// the command's source id, so a duplicate returns the first result with <see cref="WasDuplicate"/> set.
/// </summary>
public record ExecutionResult
{
    public static ExecutionResult Success { get; } = new() { IsSuccess = true };

    public bool IsSuccess { get; init; } = true;

    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>True when the command's source id had been applied before: nothing new was appended.</summary>
    public bool WasDuplicate { get; init; }

    public static ExecutionResult Failed(params string[] errors) => new() { IsSuccess = false, Errors = errors };

    internal ExecutionResult AsDuplicate() => this with { WasDuplicate = true };
}

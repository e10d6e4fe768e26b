using Hangfire.States;

namespace EventFlowApp.Kernel.Hangfire.Running;

/// <summary>What a Hangfire state name means to us, in one place (storages differ in the case they return).</summary>
internal static class JobStates
{
    /// <summary>Succeeded or deleted: the job will not run again unless someone requeues it.</summary>
    public static bool IsOver(string? state) => Is(state, SucceededState.StateName) || Is(state, DeletedState.StateName);

    public static bool IsProcessing(string? state) => Is(state, ProcessingState.StateName);

    private static bool Is(string? state, string name) => string.Equals(state, name, StringComparison.OrdinalIgnoreCase);
}

namespace EventFlowApp.Kernel.Jobs;

/// <summary>A job as it is queued: its id, its stable name and version, and its payload as JSON.</summary>
public sealed record JobRequest(string JobId, string Name, int Version, string Payload)
{
    public override string ToString() => $"{Name} v{Version} ({JobId})";
}

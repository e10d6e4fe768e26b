namespace EventFlowApp.Kernel.Events;

/// <summary>How an event type is stored: its stable name and version.</summary>
public sealed record EventDefinition(Type Type, string Name, int Version)
{
    public override string ToString() => $"{Name} v{Version}";
}

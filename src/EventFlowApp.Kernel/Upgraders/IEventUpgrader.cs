using System.Text.Json.Nodes;

namespace EventFlowApp.Kernel.Upgraders;

/// <summary>
/// Turns the JSON of one stored event version into the next (n to n+1), on read. Stored events are
/// never rewritten; a chain of upgraders brings the oldest event up to the current class.
/// </summary>
public interface IEventUpgrader
{
    string EventName { get; }

    int FromVersion { get; }

    /// <summary>The data of version <see cref="FromVersion"/> + 1; may rename the event (<see cref="UpgradedEvent.Name"/>).</summary>
    UpgradedEvent Upgrade(JsonObject data);
}

public sealed record UpgradedEvent(string Name, JsonObject Data);

using System.Text.Json.Nodes;

namespace EventFlowApp.Kernel.Upgraders;

/// <summary>Applies the registered upgraders, one version at a time, until none matches.</summary>
public sealed class EventUpgradeChain
{
    private readonly Dictionary<(string Name, int Version), IEventUpgrader> _upgraders = [];

    public EventUpgradeChain(IEnumerable<IEventUpgrader> upgraders)
    {
        foreach (var upgrader in upgraders)
        {
            if (!_upgraders.TryAdd((upgrader.EventName, upgrader.FromVersion), upgrader))
            {
                throw new InvalidOperationException(
                    $"Two upgraders claim {upgrader.EventName} v{upgrader.FromVersion}.");
            }
        }
    }

    public bool IsEmpty => _upgraders.Count == 0;

    /// <summary>Upgrades if any upgrader applies; returns false (and the input untouched) otherwise.</summary>
    public bool TryUpgrade(string name, int version, string json, out string upgradedName, out int upgradedVersion, out string upgradedJson)
    {
        upgradedName = name;
        upgradedVersion = version;
        upgradedJson = json;
        if (!_upgraders.ContainsKey((name, version)))
        {
            return false;
        }

        var data = JsonNode.Parse(json) as JsonObject
            ?? throw new FormatException($"Event {name} v{version} is not a JSON object and cannot be upgraded.");
        while (_upgraders.TryGetValue((upgradedName, upgradedVersion), out var upgrader))
        {
            var next = upgrader.Upgrade(data);
            upgradedName = next.Name;
            upgradedVersion++;
            data = next.Data;
        }

        upgradedJson = data.ToJsonString();
        return true;
    }
}

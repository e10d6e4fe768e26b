using System.Text.Json.Nodes;
using EventFlowApp.Kernel.Upgraders;

namespace EventFlowApp.Kernel.Tests.Domain;

/// <summary>v1 { label } to v2 { label, previous }: v1 did not record the previous name.</summary>
public sealed class ThingLabelledV1ToV2 : IEventUpgrader
{
    public string EventName => "ThingLabelled";

    public int FromVersion => 1;

    public UpgradedEvent Upgrade(JsonObject data)
    {
        data["previous"] = null;
        return new UpgradedEvent("ThingLabelled", data);
    }
}

/// <summary>v2 "ThingLabelled" { label, previous } to v3 "ThingRenamed" { newName, previousName }.</summary>
public sealed class ThingLabelledV2ToThingRenamedV3 : IEventUpgrader
{
    public string EventName => "ThingLabelled";

    public int FromVersion => 2;

    public UpgradedEvent Upgrade(JsonObject data) =>
        new("ThingRenamed", new JsonObject
        {
            ["newName"] = data["label"]?.DeepClone(),
            ["previousName"] = data["previous"]?.DeepClone(),
        });
}

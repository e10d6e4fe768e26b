using System.Text.Json.Nodes;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Upgraders;

namespace EventFlowApp.Kernel.Tests.Upgraders;

public sealed class EventUpgradeChainTests
{
    private readonly EventUpgradeChain _chain = new([new ThingLabelledV2ToThingRenamedV3(), new ThingLabelledV1ToV2()]);

    [Fact]
    public void Applies_every_step_in_version_order_whatever_the_registration_order()
    {
        Assert.True(_chain.TryUpgrade("ThingLabelled", 1, """{"label":"x"}""", out var name, out var version, out var json));

        Assert.Equal(("ThingRenamed", 3), (name, version));
        Assert.Equal("x", JsonNode.Parse(json)!["newName"]!.GetValue<string>());
        Assert.Null(JsonNode.Parse(json)!["previousName"]);
    }

    [Fact]
    public void Leaves_an_event_no_upgrader_claims_untouched()
    {
        Assert.False(_chain.TryUpgrade("ThingCounted", 1, """{"by":1}""", out var name, out var version, out var json));

        Assert.Equal(("ThingCounted", 1, """{"by":1}"""), (name, version, json));
    }

    [Fact]
    public void Two_upgraders_for_the_same_step_are_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new EventUpgradeChain([new ThingLabelledV1ToV2(), new ThingLabelledV1ToV2()]));

        Assert.Contains("ThingLabelled v1", error.Message, StringComparison.Ordinal);
    }
}

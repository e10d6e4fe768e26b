using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.Aggregates;

public sealed class CreatingAThingSpec : ThingSpec
{
    [Fact]
    public void A_new_thing_is_created()
    {
        Given();
        When(t => t.Create("lamp"));
        Then(new ThingCreated("lamp"));
        Assert.Equal("lamp", Thing.State.Name);
        Assert.Equal(1, Thing.Version);
        Assert.False(Thing.IsNew);
    }

    [Fact]
    public void An_existing_thing_cannot_be_created_again()
    {
        Given(new ThingCreated("lamp"));
        When(t => t.Create("chair"));
        ThenError("thing.exists");
        Assert.Equal("lamp", Thing.State.Name);
        Assert.Equal(1, Thing.Version);
    }
}

using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Upgraders;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Tests.Configuration;

/// <summary>
/// Regression: AddUpgrader used AddSingleton while AddDefaults and the handler registrations use
/// TryAddEnumerable, so listing an upgrader that AddDefaults had already found (or listing it twice)
/// registered it twice and the kernel failed at its first read with "Two upgraders claim ...".
/// </summary>
public sealed class Bug_UpgraderRegisteredTwiceTests
{
    [Fact]
    public void Bug_AddUpgraderAfterAddDefaults_RegistersTheUpgraderOnce()
    {
        var services = new ServiceCollection();
        services.AddEventFlowApp(o => o.AddDefaults(typeof(Thing).Assembly).AddUpgrader<ThingLabelledV1ToV2>());

        Assert.Single(services, d => d.ImplementationType == typeof(ThingLabelledV1ToV2));
        using var provider = services.BuildServiceProvider();
        Assert.False(provider.GetRequiredService<EventUpgradeChain>().IsEmpty);
    }

    [Fact]
    public void Bug_AddUpgraderTwice_RegistersTheUpgraderOnce()
    {
        var services = new ServiceCollection();
        services.AddEventFlowApp(o => o.AddUpgrader<ThingLabelledV1ToV2>().AddUpgrader<ThingLabelledV1ToV2>());

        using var provider = services.BuildServiceProvider();
        Assert.Single(provider.GetServices<IEventUpgrader>());
        Assert.NotNull(provider.GetRequiredService<EventUpgradeChain>());
    }
}

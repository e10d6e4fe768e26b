using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Kernel.Tests.Domain;

public sealed class ThingId : Identity<ThingId>
{
    private ThingId(string value)
        : base(value)
    {
    }
}

using EventFlowApp.Storage.Tests.Suite;
using EventFlowApp.Storage.Tests.Support;

namespace EventFlowApp.Storage.Tests.Providers;

public sealed class InMemoryEventStoreTests : EventStoreConformanceSuite
{
    protected override IStorageTarget CreateTarget() => new InMemoryTarget();
}

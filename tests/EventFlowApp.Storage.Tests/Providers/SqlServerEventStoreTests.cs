using EventFlowApp.Storage.Tests.Suite;
using EventFlowApp.Storage.Tests.Support;

namespace EventFlowApp.Storage.Tests.Providers;

public sealed class SqlServerEventStoreTests : EventStoreConformanceSuite
{
    protected override IStorageTarget CreateTarget() => new SqlServerTarget();
}

using EventFlowApp.Storage.Tests.Support;

namespace EventFlowApp.Storage.Tests.ReadModels;

public sealed class InMemoryReadModelStoreTests : ReadModelStoreSuite
{
    protected override IStorageTarget CreateTarget() => new InMemoryTarget();
}

public sealed class SqliteReadModelStoreTests : ReadModelStoreSuite
{
    protected override IStorageTarget CreateTarget() => new SqliteTarget();
}

public sealed class PostgreSqlReadModelStoreTests : ReadModelStoreSuite
{
    protected override IStorageTarget CreateTarget() => new PostgreSqlTarget();
}

public sealed class SqlServerReadModelStoreTests : ReadModelStoreSuite
{
    protected override IStorageTarget CreateTarget() => new SqlServerTarget();
}

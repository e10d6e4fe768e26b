using EventFlowApp.Storage.Tests.Support;

namespace EventFlowApp.Storage.Tests.Ledger.Reports;

/// <summary>In memory too: the suite then checks the hand-worked figures and that the reference agrees with itself.</summary>
public sealed class InMemoryReportTests : ReportSuite
{
    protected override IStorageTarget CreateTarget() => new InMemoryTarget();
}

public sealed class SqliteReportTests : ReportSuite
{
    protected override IStorageTarget CreateTarget() => new SqliteTarget();
}

public sealed class PostgreSqlReportTests : ReportSuite
{
    protected override IStorageTarget CreateTarget() => new PostgreSqlTarget();
}

public sealed class SqlServerReportTests : ReportSuite
{
    protected override IStorageTarget CreateTarget() => new SqlServerTarget();
}

public sealed class SqliteBalancesOnWriteTests : BalancesOnWriteSuite
{
    protected override IStorageTarget CreateTarget() => new SqliteTarget();
}

public sealed class PostgreSqlBalancesOnWriteTests : BalancesOnWriteSuite
{
    protected override IStorageTarget CreateTarget() => new PostgreSqlTarget();
}

public sealed class SqlServerBalancesOnWriteTests : BalancesOnWriteSuite
{
    protected override IStorageTarget CreateTarget() => new SqlServerTarget();
}

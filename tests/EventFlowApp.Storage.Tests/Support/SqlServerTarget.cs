using EventFlowApp.Kernel.EntityFramework.Configuration;
using Microsoft.Data.SqlClient;

namespace EventFlowApp.Storage.Tests.Support;

/// <summary>
/// A throw-away database on the SQL Server named by <c>EVENTFLOWAPP_TEST_SQLSERVER</c>. SQL Server cannot
/// run on our machines, so without the variable these tests report as skipped (never as passed).
/// </summary>
public sealed class SqlServerTarget : DatabaseTarget
{
    public const string Variable = "EVENTFLOWAPP_TEST_SQLSERVER";
    private readonly string _admin;
    private readonly string _name = $"eventflowapp_t_{Guid.NewGuid():N}";

    public SqlServerTarget()
    {
        _admin = Environment.GetEnvironmentVariable(Variable)!;
        Assert.SkipWhen(string.IsNullOrEmpty(_admin), $"{Variable} is not set: no SQL Server to run against.");
        using var connection = new SqlConnection(_admin);
        connection.Open();
        using var create = new SqlCommand($"CREATE DATABASE [{_name}]", connection);
        create.ExecuteNonQuery();
        ConnectionString = new SqlConnectionStringBuilder(_admin) { InitialCatalog = _name }.ConnectionString;
    }

    public string ConnectionString { get; }

    protected override DatabaseOptions Database => DatabaseOptions.SqlServer(ConnectionString);

    protected override string GapSql(long size) =>
        $"DECLARE @next bigint = COALESCE((SELECT MAX(global_sequence_number) FROM events), 0) + {size}; DBCC CHECKIDENT ('events', RESEED, @next);";

    public override async ValueTask DisposeAsync()
    {
        SqlConnection.ClearAllPools();
        await using var connection = new SqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new SqlCommand(
            $"ALTER DATABASE [{_name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_name}]", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

using EventFlowApp.Kernel.EntityFramework.Configuration;
using EventFlowApp.Kernel.EntityFramework.Dialects;
using EventFlowApp.Kernel.EntityFramework.Model;
using EventFlowApp.Kernel.EntityFramework.ReadModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace EventFlowApp.Storage.Tests;

/// <summary>
/// SQL Server cannot run on our machines, so its migrations are checked by generating the full script
/// (no connection needed) and parsing it with Microsoft's own T-SQL parser.
/// </summary>
public sealed class SqlServerMigrationScriptTests
{
    [Fact]
    public void The_sql_server_migration_script_parses_without_errors()
    {
        var script = GenerateScript();
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);

        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out var errors);

        Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
        Assert.NotNull(fragment);
        Assert.Contains("CREATE TABLE [events]", script, StringComparison.Ordinal);
        Assert.Contains("[ux_events_aggregate]", script, StringComparison.Ordinal);
        Assert.Contains("IDENTITY", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dialects_hand_written_statements_parse()
    {
        var statements = new[] { SqlServerDialect.AppendLockSql, SqlServerDialect.InsertEventsSql(3), SqlServerDialect.InsertCommandSql };
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);

        foreach (var sql in statements)
        {
            using var reader = new StringReader(sql);
            parser.Parse(reader, out var errors);
            Assert.Empty(errors.Select(e => $"{sql}: {e.Message}"));
        }
    }

    [Fact]
    public void The_sql_server_read_model_migration_script_parses_without_errors()
    {
        var options = EventStoreDbContextConfigurator.ReadModelOptions(SqlServer, ReadModelCatalog.Empty);
        using var context = new ReadModelDbContext(options);
        Assert.NotEmpty(context.Database.GetMigrations());
        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        AssertParses(script);
        Assert.Contains("CREATE TABLE [processors]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [read_model_generations]", script, StringComparison.Ordinal);
        Assert.Contains("[__read_model_migrations]", script, StringComparison.Ordinal);
        Assert.Contains("[ux_read_model_generations_live]", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_read_model_stores_hand_written_statements_parse()
    {
        string[] columns = ["generation", "id", "account", "amount", "day"];
        var statements = new[]
        {
            ReadModelSql.Upsert(DatabaseProvider.SqlServer, "rm_postings", columns, 1),
            ReadModelSql.Upsert(DatabaseProvider.SqlServer, "rm_postings", columns, 3),
            ReadModelSql.Upsert(DatabaseProvider.SqlServer, "rm_postings", ["generation", "id"], 2),
            ReadModelSql.Delete(DatabaseProvider.SqlServer, "rm_postings", 3),
            ReadModelSql.DeleteGeneration(DatabaseProvider.SqlServer, "rm_postings"),
            ConsistentReadModelSql.LockProcessorSql(DatabaseProvider.SqlServer),
            ConsistentReadModelSql.HighestPositionBeforeSql,
        };

        foreach (var sql in statements)
        {
            AssertParses(sql);
        }

        Assert.Contains("WITH (HOLDLOCK)", statements[1], StringComparison.Ordinal);
        Assert.Contains("(@p10, @p11, @p12, @p13, @p14)", statements[1], StringComparison.Ordinal);
    }

    /// <summary>Parameters per statement stay under SQL Server's 2,100, whatever the width of the table.</summary>
    [Theory]
    [InlineData(2)]
    [InlineData(12)]
    [InlineData(400)]
    public void Sql_server_statements_stay_under_its_parameter_limit(int columns) =>
        Assert.InRange(ReadModelSql.RowsPerStatement(DatabaseProvider.SqlServer, columns) * columns, 1, 2100);

    private static readonly DatabaseOptions SqlServer =
        DatabaseOptions.SqlServer("Server=127.0.0.1;Database=script_only;TrustServerCertificate=true");

    private static void AssertParses(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message} in {sql}"));
    }

    private static string GenerateScript()
    {
        var options = EventStoreDbContextConfigurator.Options(
            DatabaseOptions.SqlServer("Server=127.0.0.1;Database=script_only;TrustServerCertificate=true"));
        using var context = new EventStoreDbContext(options);
        Assert.NotEmpty(context.Database.GetMigrations());
        return context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }
}

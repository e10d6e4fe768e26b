using EventFlowApp.Kernel.EntityFramework.Configuration;
using EventFlowApp.Kernel.EntityFramework.Dialects;
using EventFlowApp.Kernel.EntityFramework.Model;
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

    private static string GenerateScript()
    {
        var options = EventStoreDbContextConfigurator.Options(
            DatabaseOptions.SqlServer("Server=127.0.0.1;Database=script_only;TrustServerCertificate=true"));
        using var context = new EventStoreDbContext(options);
        Assert.NotEmpty(context.Database.GetMigrations());
        return context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }
}

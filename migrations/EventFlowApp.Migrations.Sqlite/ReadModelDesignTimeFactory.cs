using EventFlowApp.Kernel.EntityFramework.Configuration;
using EventFlowApp.Kernel.EntityFramework.ReadModels;
using EventFlowApp.Ledger;
using Microsoft.EntityFrameworkCore.Design;

namespace EventFlowApp.Migrations.Sqlite;

/// <summary>
/// Lets dotnet-ef build the read-model context for Sqlite with the ledger's read models (every [ReadModel]
/// class in its assembly), so a migration creates their tables. See scripts/add-read-model-migration.sh.
/// </summary>
public sealed class ReadModelDesignTimeFactory : IDesignTimeDbContextFactory<ReadModelDbContext>
{
    public ReadModelDbContext CreateDbContext(string[] args) =>
        new(EventStoreDbContextConfigurator.ReadModelOptions(
            new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=design-time.db"),
            ReadModelCatalog.Scan(typeof(LedgerRegistration).Assembly)));
}

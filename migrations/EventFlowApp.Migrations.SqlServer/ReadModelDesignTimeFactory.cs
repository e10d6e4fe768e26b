using EventFlowApp.Kernel.EntityFramework.Configuration;
using EventFlowApp.Kernel.EntityFramework.ReadModels;
using EventFlowApp.Ledger;
using Microsoft.EntityFrameworkCore.Design;

namespace EventFlowApp.Migrations.SqlServer;

/// <summary>
/// Lets dotnet-ef build the read-model context for SqlServer with the ledger's read models (every [ReadModel]
/// class in its assembly), so a migration creates their tables. See scripts/add-read-model-migration.sh.
/// </summary>
public sealed class ReadModelDesignTimeFactory : IDesignTimeDbContextFactory<ReadModelDbContext>
{
    public ReadModelDbContext CreateDbContext(string[] args) =>
        new(EventStoreDbContextConfigurator.ReadModelOptions(
            new DatabaseOptions(DatabaseProvider.SqlServer, "Server=127.0.0.1;Database=design_time;TrustServerCertificate=true"),
            ReadModelCatalog.Scan(typeof(LedgerRegistration).Assembly)));
}

using EventFlowApp.Kernel.EntityFramework.Configuration;
using EventFlowApp.Kernel.EntityFramework.ReadModels;
using EventFlowApp.Kernel.ReadModels;
using Microsoft.EntityFrameworkCore.Design;

namespace EventFlowApp.Migrations.PostgreSql;

/// <summary>Lets dotnet-ef build the read-model context with every read model of the ledger; the connection string is never opened.</summary>
public sealed class ReadModelDesignTimeFactory : IDesignTimeDbContextFactory<ReadModelDbContext>
{
    public ReadModelDbContext CreateDbContext(string[] args)
    {
        var readModels = typeof(EventFlowApp.Ledger.LedgerRegistration).Assembly.GetTypes()
            .Where(t => typeof(IReadModel).IsAssignableFrom(t) && t.IsDefined(typeof(ReadModelAttribute), inherit: false))
            .Select(ReadModelDefinition.For);
        return new ReadModelDbContext(
            EventStoreDbContextConfigurator.ReadModelOptions(new DatabaseOptions(DatabaseProvider.PostgreSql, "Host=localhost;Database=design_time"), new ReadModelCatalog(readModels)));
    }
}

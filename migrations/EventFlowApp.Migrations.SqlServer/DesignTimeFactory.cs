using EventFlowApp.Kernel.EntityFramework.Configuration;
using EventFlowApp.Kernel.EntityFramework.Model;
using Microsoft.EntityFrameworkCore.Design;

namespace EventFlowApp.Migrations.SqlServer;

/// <summary>Lets dotnet-ef build the model for SqlServer; the connection string is never opened to add a migration.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EventStoreDbContext>
{
    public EventStoreDbContext CreateDbContext(string[] args) =>
        new(EventStoreDbContextConfigurator.Options(new DatabaseOptions(DatabaseProvider.SqlServer, "Server=127.0.0.1;Database=design_time;TrustServerCertificate=true")));
}

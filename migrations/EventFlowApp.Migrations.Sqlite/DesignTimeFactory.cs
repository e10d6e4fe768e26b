using EventFlowApp.Kernel.EntityFramework.Configuration;
using EventFlowApp.Kernel.EntityFramework.Model;
using Microsoft.EntityFrameworkCore.Design;

namespace EventFlowApp.Migrations.Sqlite;

/// <summary>Lets dotnet-ef build the model for Sqlite; the connection string is never opened to add a migration.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EventStoreDbContext>
{
    public EventStoreDbContext CreateDbContext(string[] args) =>
        new(EventStoreDbContextConfigurator.Options(new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=design-time.db")));
}

using EventFlowApp.Kernel.EntityFramework.ReadModels;
using Microsoft.EntityFrameworkCore;

namespace EventFlowApp.Kernel.EntityFramework.Configuration;

/// <summary>
/// Applies the read-model context's migrations (generations, processors, parked events and the tables of
/// the read models the migrations were generated for; history in <c>__read_model_migrations</c>).
/// </summary>
public sealed class ReadModelMigrator(IDbContextFactory<ReadModelDbContext> contexts)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.Database.MigrateAsync(cancellationToken);
    }
}

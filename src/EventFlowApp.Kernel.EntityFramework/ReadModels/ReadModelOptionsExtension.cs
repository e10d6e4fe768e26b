using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.EntityFramework.ReadModels;

/// <summary>
/// Carries the <see cref="ReadModelCatalog"/> in a context's options. Options are all a pooled context
/// (and EF's context factories) may take, so this is how the catalog reaches <c>OnModelCreating</c>.
/// </summary>
public sealed class ReadModelOptionsExtension(ReadModelCatalog catalog) : IDbContextOptionsExtension
{
    public ReadModelCatalog Catalog { get; } = catalog;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
        // The catalog shapes the model, not EF's services; see ReadModelCacheKeyFactory.
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(ReadModelOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => $"ReadModels={((ReadModelOptionsExtension)Extension).Catalog.Definitions.Count} ";

        // One EF service provider for every catalog: only the model differs, and that is keyed separately.
        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["ReadModels:Catalog"] = ((ReadModelOptionsExtension)Extension).Catalog.Key;
    }
}

/// <summary>EF caches one model per context type; a read-model context's model also depends on its catalog.</summary>
public sealed class ReadModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => context is ReadModelDbContext readModels
        ? (context.GetType(), readModels.Catalog.Key, designTime)
        : (context.GetType(), designTime);
}

public static class ReadModelOptionsBuilderExtensions
{
    /// <summary>Maps the catalog's read models in a <see cref="ReadModelDbContext"/>.</summary>
    public static DbContextOptionsBuilder UseReadModels(this DbContextOptionsBuilder builder, ReadModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new ReadModelOptionsExtension(catalog));
        builder.ReplaceService<IModelCacheKeyFactory, ReadModelCacheKeyFactory>();
        return builder;
    }
}

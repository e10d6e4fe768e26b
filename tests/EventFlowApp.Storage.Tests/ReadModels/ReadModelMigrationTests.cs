using EventFlowApp.Kernel.EntityFramework.ReadModels;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Storage.Tests.ReadModels;

/// <summary>
/// The application's start-up path: the migrator applies the read-model migrations after the event store's,
/// with their own history table, and the stores work on the tables they created.
/// </summary>
public abstract class ReadModelMigrationTests : IAsyncLifetime
{
    private StorageHost? _host;

    private IServiceProvider Services => _host!.Services;

    protected abstract IStorageTarget CreateTarget();

    public async ValueTask InitializeAsync() => _host = await StorageHost.StartAsync(CreateTarget(), _ => { });

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_migrator_creates_the_generation_and_processor_tables()
    {
        var ct = TestContext.Current.CancellationToken;
        var contexts = Services.GetRequiredService<IDbContextFactory<ReadModelDbContext>>();
        await using (var context = await contexts.CreateDbContextAsync(ct))
        {
            Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync(ct));
        }

        var generation = await Services.GetRequiredService<IReadModelGenerationStore>()
            .CreateAsync(new GenerationRequest("balances", GenerationState.Live), ct);
        var processors = Services.GetRequiredService<IProcessorStore>();
        Assert.True(await processors.TryAcquireLeaseAsync(generation.ProcessorName, "node", TimeSpan.FromSeconds(30), ct));
        await processors.AdvanceAsync(new CheckpointAdvance(generation.ProcessorName, "node", 0, 3), ct);
        Assert.Equal(3, (await processors.GetAsync(generation.ProcessorName, ct))!.Position);
    }
}

public sealed class SqliteReadModelMigrationTests : ReadModelMigrationTests
{
    protected override IStorageTarget CreateTarget() => new SqliteTarget();
}

public sealed class PostgreSqlReadModelMigrationTests : ReadModelMigrationTests
{
    protected override IStorageTarget CreateTarget() => new PostgreSqlTarget();
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EventFlowApp.Kernel.EntityFramework.ReadModels;

/// <summary>
/// Generations, processors, parked events, and one table per registered read model (see
/// <see cref="ReadModelTableConvention"/>). The read models come from the <see cref="ReadModelCatalog"/>
/// in the options (<see cref="ReadModelOptionsBuilderExtensions.UseReadModels"/>).
/// </summary>
public sealed class ReadModelDbContext : DbContext
{
    public ReadModelDbContext(DbContextOptions<ReadModelDbContext> options)
        : base(options) =>
        Catalog = options.FindExtension<ReadModelOptionsExtension>()?.Catalog ?? ReadModelCatalog.Empty;

    public ReadModelCatalog Catalog { get; }

    public DbSet<GenerationEntity> Generations => Set<GenerationEntity>();

    public DbSet<ProcessorEntity> Processors => Set<ProcessorEntity>();

    public DbSet<ParkedEventEntity> ParkedEvents => Set<ParkedEventEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Every timestamp is UTC; SQLite and SQL Server hand back "unspecified", so say it on the way in.
        var utc = new ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

        modelBuilder.Entity<GenerationEntity>(e =>
        {
            e.ToTable(ReadModelTables.Generations);
            e.HasKey(x => new { x.ReadModel, x.Generation }).HasName("pk_read_model_generations");
            e.Property(x => x.ReadModel).HasColumnName("read_model").HasMaxLength(100);
            e.Property(x => x.Generation).HasColumnName("generation").ValueGeneratedNever();
            e.Property(x => x.State).HasColumnName("state").HasMaxLength(20);
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(100);
            e.Property(x => x.UpToPosition).HasColumnName("up_to_position");
            e.Property(x => x.UpToTime).HasColumnName("up_to_time").HasConversion(utc);
            e.Property(x => x.CreatedAt).HasColumnName("created_at").HasConversion(utc);
            e.Property(x => x.CompletedAt).HasColumnName("completed_at").HasConversion(utc);
            e.Property(x => x.Error).HasColumnName("error");
            e.HasIndex(x => new { x.ReadModel, x.Name }).IsUnique().HasFilter("name IS NOT NULL").HasDatabaseName("ux_read_model_generations_name");

            // At most one live generation per read model, whatever races: a second MakeLive fails instead of leaving two.
            e.HasIndex(x => x.ReadModel).IsUnique().HasFilter("state = 'Live'").HasDatabaseName("ux_read_model_generations_live");
        });

        modelBuilder.Entity<ProcessorEntity>(e =>
        {
            e.ToTable(ReadModelTables.Processors);
            e.HasKey(x => x.Name).HasName("pk_processors");
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(200);
            e.Property(x => x.Position).HasColumnName("position");
            e.Property(x => x.ReplayUntil).HasColumnName("replay_until");
            e.Property(x => x.State).HasColumnName("state").HasMaxLength(20);
            e.Property(x => x.LastErrorPosition).HasColumnName("last_error_position");
            e.Property(x => x.LastErrorEventId).HasColumnName("last_error_event_id");
            e.Property(x => x.LastErrorEventName).HasColumnName("last_error_event_name").HasMaxLength(200);
            e.Property(x => x.LastError).HasColumnName("last_error");
            e.Property(x => x.LastErrorDetail).HasColumnName("last_error_detail");
            e.Property(x => x.LastErrorAt).HasColumnName("last_error_at").HasConversion(utc);
            e.Property(x => x.ParkedCount).HasColumnName("parked_count");
            e.Property(x => x.LeaseOwner).HasColumnName("lease_owner").HasMaxLength(200);
            e.Property(x => x.LeaseExpiresAt).HasColumnName("lease_expires_at").HasConversion(utc);
            e.Property(x => x.UpdatedAt).HasColumnName("updated_at").HasConversion(utc);
        });

        modelBuilder.Entity<ParkedEventEntity>(e =>
        {
            e.ToTable(ReadModelTables.ParkedEvents);
            e.HasKey(x => x.Id).HasName("pk_processor_parked_events");
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
            e.Property(x => x.Processor).HasColumnName("processor").HasMaxLength(200);
            e.Property(x => x.Position).HasColumnName("position");
            e.Property(x => x.EventId).HasColumnName("event_id");
            e.Property(x => x.EventName).HasColumnName("event_name").HasMaxLength(200);
            e.Property(x => x.Error).HasColumnName("error");
            e.Property(x => x.Detail).HasColumnName("detail");
            e.Property(x => x.At).HasColumnName("at").HasConversion(utc);
            e.HasIndex(x => new { x.Processor, x.Position }).HasDatabaseName("ix_processor_parked_events_processor");
        });

        foreach (var definition in Catalog.Definitions)
        {
            ReadModelTableConvention.Map(modelBuilder, definition);
        }
    }
}

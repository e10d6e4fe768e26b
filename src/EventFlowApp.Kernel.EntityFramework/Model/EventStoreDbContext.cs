using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EventFlowApp.Kernel.EntityFramework.Model;

/// <summary>
/// The event store's tables. Names are snake_case on every provider so that the hand-written append
/// SQL (see <c>Dialects/</c>) reads the same everywhere.
/// </summary>
public sealed class EventStoreDbContext(DbContextOptions<EventStoreDbContext> options) : DbContext(options)
{
    public DbSet<EventEntity> Events => Set<EventEntity>();

    public DbSet<CommandEntity> Commands => Set<CommandEntity>();

    public DbSet<SnapshotEntity> Snapshots => Set<SnapshotEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Every timestamp is UTC; SQLite and SQL Server hand back "unspecified", so say it on the way in.
        var utc = new ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

        modelBuilder.Entity<EventEntity>(e =>
        {
            e.ToTable(EventStoreTables.Events);
            e.HasKey(x => x.GlobalSequenceNumber);
            e.Property(x => x.GlobalSequenceNumber).HasColumnName("global_sequence_number").ValueGeneratedOnAdd();
            e.Property(x => x.EventId).HasColumnName("event_id");
            e.Property(x => x.AggregateName).HasColumnName("aggregate_name").HasMaxLength(100);
            e.Property(x => x.AggregateId).HasColumnName("aggregate_id").HasMaxLength(200);
            e.Property(x => x.AggregateSequenceNumber).HasColumnName("aggregate_sequence_number");
            e.Property(x => x.EventName).HasColumnName("event_name").HasMaxLength(200);
            e.Property(x => x.EventVersion).HasColumnName("event_version");
            e.Property(x => x.Data).HasColumnName("data");
            e.Property(x => x.Metadata).HasColumnName("metadata");
            e.Property(x => x.Timestamp).HasColumnName("timestamp").HasConversion(utc);
            e.HasIndex(x => x.EventId).IsUnique().HasDatabaseName("ux_events_event_id");
            e.HasIndex(x => new { x.AggregateId, x.AggregateSequenceNumber }).IsUnique().HasDatabaseName("ux_events_aggregate");
        });

        modelBuilder.Entity<CommandEntity>(e =>
        {
            e.ToTable(EventStoreTables.Commands);
            e.HasKey(x => x.SourceId).HasName("pk_commands");
            e.Property(x => x.SourceId).HasColumnName("source_id").HasMaxLength(200);
            e.Property(x => x.CommandName).HasColumnName("command_name").HasMaxLength(200);
            e.Property(x => x.AggregateName).HasColumnName("aggregate_name").HasMaxLength(100);
            e.Property(x => x.AggregateId).HasColumnName("aggregate_id").HasMaxLength(200);
            e.Property(x => x.Result).HasColumnName("result");
            e.Property(x => x.RecordedAt).HasColumnName("recorded_at").HasConversion(utc);
        });

        modelBuilder.Entity<SnapshotEntity>(e =>
        {
            e.ToTable(EventStoreTables.Snapshots);
            e.HasKey(x => new { x.AggregateId, x.AggregateSequenceNumber }).HasName("pk_snapshots");
            e.Property(x => x.AggregateId).HasColumnName("aggregate_id").HasMaxLength(200);
            e.Property(x => x.AggregateSequenceNumber).HasColumnName("aggregate_sequence_number");
            e.Property(x => x.AggregateName).HasColumnName("aggregate_name").HasMaxLength(100);
            e.Property(x => x.SnapshotName).HasColumnName("snapshot_name").HasMaxLength(200);
            e.Property(x => x.SnapshotVersion).HasColumnName("snapshot_version");
            e.Property(x => x.Data).HasColumnName("data");
            e.Property(x => x.LastEventTimestamp).HasColumnName("last_event_timestamp").HasConversion(utc);
            e.Property(x => x.TakenAt).HasColumnName("taken_at").HasConversion(utc);
        });
    }
}

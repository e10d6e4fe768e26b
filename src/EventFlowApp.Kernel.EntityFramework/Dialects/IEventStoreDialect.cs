using System.Data.Common;
using EventFlowApp.Kernel.EntityFramework.Configuration;
using EventFlowApp.Kernel.EventStores;

namespace EventFlowApp.Kernel.EntityFramework.Dialects;

/// <summary>
/// The provider-specific part of a commit: how appends are serialised (which is what makes commit order
/// equal global order), and the fastest way that provider has to insert a batch of rows.
/// </summary>
public interface IEventStoreDialect
{
    DatabaseProvider Provider { get; }

    Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Takes the append lock, inserts the events and the command record; returns events with their positions, in batch order.</summary>
    Task<IReadOnlyList<CommittedEvent>> AppendAsync(DbConnection connection, DbTransaction transaction, CommitBatch batch, CancellationToken cancellationToken);

    CommitConflict Classify(DbException exception);
}

using EventFlowApp.Kernel.Processors;
using Microsoft.EntityFrameworkCore;

namespace EventFlowApp.Kernel.EntityFramework.ReadModels;

public sealed partial class EfReadModelStore
{
    private const string Stopped = nameof(ProcessorRunState.Stopped);

    public async Task<ProcessorState?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await context.Processors.AsNoTracking().FirstOrDefaultAsync(p => p.Name == name, cancellationToken);
        return row is null ? null : ToModel(row);
    }

    public async Task<IReadOnlyList<ProcessorState>> ListAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await context.Processors.AsNoTracking().ToListAsync(cancellationToken);
        return rows.Select(ToModel).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    public async Task EnsureAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        if (await ExistsAsync(context, name, cancellationToken))
        {
            return;
        }

        context.Processors.Add(NewProcessor(name, Now()));
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node created it first: that is all this asked for. Anything else is rethrown.
            await using var again = await contexts.CreateDbContextAsync(CancellationToken.None);
            if (!await ExistsAsync(again, name, CancellationToken.None))
            {
                throw;
            }
        }
    }

    public async Task<bool> TryAcquireLeaseAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Now();
        var until = (DateTime?)(now + duration);

        // One conditional UPDATE: the database decides between racing nodes, and exactly one sees a row changed.
        var taken = await context.Processors
            .Where(p => p.Name == name && (p.LeaseOwner == null || p.LeaseOwner == owner || p.LeaseExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LeaseOwner, owner).SetProperty(p => p.LeaseExpiresAt, until), cancellationToken);
        if (taken == 0 && !await ExistsAsync(context, name, cancellationToken))
        {
            throw Missing(name);
        }

        return taken > 0;
    }

    public async Task ReleaseLeaseAsync(string name, string owner, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.Processors
            .Where(p => p.Name == name && p.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LeaseOwner, (string?)null).SetProperty(p => p.LeaseExpiresAt, (DateTime?)null), cancellationToken);
    }

    public async Task AdvanceAsync(CheckpointAdvance advance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(advance);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await AdvanceWithinAsync(context, advance, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task StopAsync(string name, string owner, ProcessorFailure failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Now();
        var stopped = await Held(context, name, owner, now).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.State, Stopped)
                .SetProperty(p => p.LastErrorPosition, failure.Position)
                .SetProperty(p => p.LastErrorEventId, failure.EventId)
                .SetProperty(p => p.LastErrorEventName, failure.EventName)
                .SetProperty(p => p.LastError, failure.Error)
                .SetProperty(p => p.LastErrorDetail, failure.Detail)
                .SetProperty(p => p.LastErrorAt, failure.At.UtcDateTime)
                .SetProperty(p => p.UpdatedAt, now),
            cancellationToken);
        await EnsureHeldAsync(context, stopped, name, owner, cancellationToken);
    }

    public async Task CompleteAsync(string name, string owner, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Now();
        var completed = await Held(context, name, owner, now).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.State, nameof(ProcessorRunState.Completed)).SetProperty(p => p.UpdatedAt, now), cancellationToken);
        await EnsureHeldAsync(context, completed, name, owner, cancellationToken);
    }

    public async Task ResumeAsync(string name, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Now();
        var resumed = await context.Processors.Where(p => p.Name == name && p.State == Stopped).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.State, nameof(ProcessorRunState.Active)).SetProperty(p => p.UpdatedAt, now), cancellationToken);
        if (resumed == 0 && !await ExistsAsync(context, name, cancellationToken))
        {
            throw Missing(name);
        }
    }

    public async Task ResetAsync(string name, long toPosition, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(toPosition);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Now();

        // SET expressions all read the row as it was, so replay_until takes the old position.
        var reset = await context.Processors.Where(p => p.Name == name).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.ReplayUntil, p => p.ReplayUntil > p.Position ? p.ReplayUntil : p.Position)
                .SetProperty(p => p.Position, toPosition)
                .SetProperty(p => p.State, nameof(ProcessorRunState.Active))
                .SetProperty(p => p.UpdatedAt, now),
            cancellationToken);
        if (reset == 0)
        {
            throw Missing(name);
        }
    }

    public async Task<IReadOnlyList<ParkedEvent>> ListParkedAsync(string name, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await context.ParkedEvents.AsNoTracking()
            .Where(p => p.Processor == name)
            .OrderBy(p => p.Position).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(p => new ParkedEvent(p.Processor, new ProcessorFailure(p.Position, p.EventId, p.EventName, p.Error, p.Detail, Utc(p.At))));
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await DeleteProcessorWithinAsync(context, name, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The fenced checkpoint move, in the caller's transaction: one UPDATE that matches only while the
    /// caller holds an unexpired lease and the checkpoint is where it expects. No row changed means the
    /// lease was lost or the checkpoint moved (another node, or the consistent-on-write update): the
    /// caller's transaction must roll back.
    /// </summary>
    internal async Task AdvanceWithinAsync(ReadModelDbContext context, CheckpointAdvance advance, CancellationToken cancellationToken)
    {
        var now = Now();
        var parked = advance.Parked is null ? 0 : 1;
        var moved = await Held(context, advance.Processor, advance.Owner, now)
            .Where(p => p.Position == advance.ExpectedPosition)
            .ExecuteUpdateAsync(
                s => s.SetProperty(p => p.Position, advance.NewPosition)
                    .SetProperty(p => p.UpdatedAt, now)
                    .SetProperty(p => p.ParkedCount, p => p.ParkedCount + parked),
                cancellationToken);
        await EnsureHeldAsync(context, moved, advance.Processor, advance.Owner, cancellationToken);
        if (advance.NewPosition < advance.ExpectedPosition)
        {
            throw new ArgumentException("A checkpoint never moves backwards; use ResetAsync to replay.", nameof(advance));
        }

        if (advance.Parked is { } failure)
        {
            context.ParkedEvents.Add(new ParkedEventEntity
            {
                Processor = advance.Processor,
                Position = failure.Position,
                EventId = failure.EventId,
                EventName = failure.EventName,
                Error = failure.Error,
                Detail = failure.Detail,
                At = failure.At.UtcDateTime,
            });
            await context.SaveChangesAsync(cancellationToken);
        }
    }

    private static IQueryable<ProcessorEntity> Held(ReadModelDbContext context, string name, string owner, DateTime now) =>
        context.Processors.Where(p => p.Name == name && p.LeaseOwner == owner && p.LeaseExpiresAt > now);

    private static async Task EnsureHeldAsync(ReadModelDbContext context, int rows, string name, string owner, CancellationToken cancellationToken)
    {
        if (rows == 0)
        {
            throw await ExistsAsync(context, name, cancellationToken) ? new ProcessorLeaseLostException(name, owner) : Missing(name);
        }
    }

    private static async Task DeleteProcessorWithinAsync(ReadModelDbContext context, string name, CancellationToken cancellationToken)
    {
        await context.ParkedEvents.Where(p => p.Processor == name).ExecuteDeleteAsync(cancellationToken);
        await context.Processors.Where(p => p.Name == name).ExecuteDeleteAsync(cancellationToken);
    }

    private static Task<bool> ExistsAsync(ReadModelDbContext context, string name, CancellationToken cancellationToken) =>
        context.Processors.AnyAsync(p => p.Name == name, cancellationToken);

    private static KeyNotFoundException Missing(string name) => new($"There is no processor '{name}'.");

    private static ProcessorEntity NewProcessor(string name, DateTime now) =>
        new() { Name = name, State = nameof(ProcessorRunState.Active), UpdatedAt = now };

    private static ProcessorState ToModel(ProcessorEntity e) => new(
        e.Name,
        e.Position,
        e.ReplayUntil,
        Enum.Parse<ProcessorRunState>(e.State),
        e.LastErrorPosition is { } position
            ? new ProcessorFailure(position, e.LastErrorEventId ?? Guid.Empty, e.LastErrorEventName ?? "", e.LastError ?? "", e.LastErrorDetail ?? "", Utc(e.LastErrorAt ?? e.UpdatedAt))
            : null,
        e.ParkedCount,
        e.LeaseOwner,
        e.LeaseExpiresAt is { } expires ? Utc(expires) : null,
        Utc(e.UpdatedAt));
}

using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger.ReadModels;
using EventFlowApp.Ledger.ReadModels.OpenItems;

namespace EventFlowApp.Ledger.Reports;

/// <summary>
/// "As known at": a report as it would have been produced at that moment. Events recorded later (later
/// entries, back-dated ones included, and reversals) are left out, whatever their effective date.
/// Either a global position (events at or before it count) or a time (events recorded at or before it).
/// </summary>
public sealed record AsKnownAt
{
    private AsKnownAt(long? position, DateTime? time)
    {
        Position = position;
        Time = time;
    }

    public long? Position { get; }

    /// <summary>UTC.</summary>
    public DateTime? Time { get; }

    public static AsKnownAt AtPosition(long position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        return new AsKnownAt(position, null);
    }

    public static AsKnownAt AtTime(DateTimeOffset time) => new(null, time.UtcDateTime);
}

/// <summary>What every report takes besides its own parameters.</summary>
/// <param name="KnownAt">Leave out what was recorded after this moment; null for everything known now.</param>
/// <param name="View">The read-model generation to read (a named point-in-time one, say); null for the live one.</param>
public sealed record ReportOptions(AsKnownAt? KnownAt = null, ReadModelView? View = null)
{
    public static ReportOptions Now { get; } = new();

    internal ReadModelView ViewOrLive => View ?? ReadModelView.Live;
}

/// <summary>The "as known at" filters, as query operators the database stores translate to SQL.</summary>
internal static class KnownAtFilters
{
    public static IQueryable<LedgerLine> KnownAt(this IQueryable<LedgerLine> lines, AsKnownAt? knownAt) => knownAt switch
    {
        { Position: { } p } => lines.Where(l => l.RecordedPosition <= p),
        { Time: { } t } => lines.Where(l => l.RecordedAt <= t),
        _ => lines,
    };

    public static IQueryable<OpenItemRow> KnownAt(this IQueryable<OpenItemRow> items, AsKnownAt? knownAt) => knownAt switch
    {
        { Position: { } p } => items.Where(i => i.RecordedPosition <= p),
        { Time: { } t } => items.Where(i => i.RecordedAt <= t),
        _ => items,
    };

    public static IQueryable<SettlementRow> KnownAt(this IQueryable<SettlementRow> settlements, AsKnownAt? knownAt) => knownAt switch
    {
        { Position: { } p } => settlements.Where(s => s.RecordedPosition <= p),
        { Time: { } t } => settlements.Where(s => s.RecordedAt <= t),
        _ => settlements,
    };
}

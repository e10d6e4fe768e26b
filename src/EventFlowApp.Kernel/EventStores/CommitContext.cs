using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.EventStores;

/// <summary>
/// Who and what caused a commit: the source id (the command's id, remembered for idempotency), the
/// correlation id shared by everything one request set off, the causation id of the direct cause,
/// the user, and free metadata for every event of the commit.
/// </summary>
public sealed record CommitContext(string SourceId, string CorrelationId, string CausationId, string? UserId, Metadata Extra)
{
    public static CommitContext ForSource(string sourceId, string? userId = null) =>
        new(sourceId, sourceId, sourceId, userId, Metadata.Empty);
}

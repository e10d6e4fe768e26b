namespace EventFlowApp.Kernel.EventStores;

/// <summary>Another writer appended to the aggregate after it was loaded; nothing of the commit was stored.</summary>
public sealed class OptimisticConcurrencyException : Exception
{
    public OptimisticConcurrencyException(string aggregateId, long expectedVersion, Exception? innerException = null)
        : base($"Aggregate {aggregateId} was changed by another writer after version {expectedVersion} was read.", innerException)
    {
        AggregateId = aggregateId;
        ExpectedVersion = expectedVersion;
    }

    public OptimisticConcurrencyException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public string? AggregateId { get; }

    public long ExpectedVersion { get; }
}

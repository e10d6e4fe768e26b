namespace EventFlowApp.Kernel.Aggregates;

/// <summary>Which past state to load: after a given version, or as it was at a given time.</summary>
public sealed record AsOf
{
    private AsOf(long? version, DateTimeOffset? timestamp)
    {
        Version = version;
        Timestamp = timestamp;
    }

    public long? Version { get; }

    public DateTimeOffset? Timestamp { get; }

    public static AsOf AtVersion(long version)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        return new AsOf(version, null);
    }

    public static AsOf AtTime(DateTimeOffset timestamp) => new(null, timestamp);
}

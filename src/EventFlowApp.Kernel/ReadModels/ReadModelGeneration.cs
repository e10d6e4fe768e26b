namespace EventFlowApp.Kernel.ReadModels;

/// <summary>
/// One copy of a read model's rows. The live generation answers queries; a rebuild fills a new one
/// beside it and switches; a point-in-time generation stops at a position or a time and keeps a name.
/// </summary>
public sealed record ReadModelGeneration(
    string ReadModel,
    int Generation,
    GenerationState State,
    string? Name,
    long? UpToPosition,
    DateTimeOffset? UpToTime,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    string? Error)
{
    /// <summary>The tracked processor that fills this generation; its checkpoint is the generation's progress.</summary>
    public string ProcessorName => ProcessorNameFor(ReadModel, Generation);

    public bool IsPointInTime => UpToPosition is not null || UpToTime is not null;

    public static string ProcessorNameFor(string readModel, int generation) => $"rm:{readModel}:{generation}";
}

public enum GenerationState
{
    /// <summary>Being filled by a rebuild; not read by default queries.</summary>
    Building,

    /// <summary>Answers queries and follows new events. At most one per read model.</summary>
    Live,

    /// <summary>A point-in-time generation that reached its end; read by name.</summary>
    Complete,

    /// <summary>Replaced by a newer live generation; its rows wait to be dropped.</summary>
    Retired,

    /// <summary>A rebuild that stopped on an error (see <see cref="ReadModelGeneration.Error"/>).</summary>
    Failed,

    /// <summary>A rebuild that was cancelled.</summary>
    Cancelled,
}

namespace EventFlowApp.Kernel.EntityFramework.ReadModels;

/// <summary>A row of <c>read_model_generations</c>. Times are UTC <see cref="DateTime"/>s, which every provider compares in SQL.</summary>
public sealed class GenerationEntity
{
    public string ReadModel { get; set; } = "";

    public int Generation { get; set; }

    /// <summary>The <see cref="Kernel.ReadModels.GenerationState"/> by name, so the table reads well in an admin query.</summary>
    public string State { get; set; } = "";

    public string? Name { get; set; }

    public long? UpToPosition { get; set; }

    public DateTime? UpToTime { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public string? Error { get; set; }
}

namespace EventFlowApp.Kernel.EntityFramework.ReadModels;

/// <summary>A row of <c>processors</c>: checkpoint, lease and the last error of one tracked processor.</summary>
public sealed class ProcessorEntity
{
    public string Name { get; set; } = "";

    public long Position { get; set; }

    public long ReplayUntil { get; set; }

    /// <summary>The <see cref="Kernel.Processors.ProcessorRunState"/> by name.</summary>
    public string State { get; set; } = "";

    public long? LastErrorPosition { get; set; }

    public Guid? LastErrorEventId { get; set; }

    public string? LastErrorEventName { get; set; }

    public string? LastError { get; set; }

    public string? LastErrorDetail { get; set; }

    public DateTime? LastErrorAt { get; set; }

    public int ParkedCount { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

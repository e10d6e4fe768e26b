namespace EventFlowApp.Kernel.EntityFramework.ReadModels;

/// <summary>
/// A row of <c>processor_parked_events</c>. Keyed by a surrogate id: after a reset the same event may be
/// parked again, and both records are kept, as the in-memory store does.
/// </summary>
public sealed class ParkedEventEntity
{
    public long Id { get; set; }

    public string Processor { get; set; } = "";

    public long Position { get; set; }

    public Guid EventId { get; set; }

    public string EventName { get; set; } = "";

    public string Error { get; set; } = "";

    public string Detail { get; set; } = "";

    public DateTime At { get; set; }
}

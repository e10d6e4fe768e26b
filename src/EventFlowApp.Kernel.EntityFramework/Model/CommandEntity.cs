namespace EventFlowApp.Kernel.EntityFramework.Model;

/// <summary>The durable record of an applied command: its source id and the result it returned.</summary>
public sealed class CommandEntity
{
    public string SourceId { get; set; } = "";

    public string CommandName { get; set; } = "";

    public string AggregateName { get; set; } = "";

    public string AggregateId { get; set; } = "";

    public string Result { get; set; } = "";

    public DateTime RecordedAt { get; set; }
}

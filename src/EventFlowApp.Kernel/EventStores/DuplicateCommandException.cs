namespace EventFlowApp.Kernel.EventStores;

/// <summary>A command with this source id was already applied; the commit that raced it wrote nothing.</summary>
public sealed class DuplicateCommandException(string sourceId, Exception? innerException = null)
    : Exception($"Command {sourceId} was already applied.", innerException)
{
    public string SourceId { get; } = sourceId;
}

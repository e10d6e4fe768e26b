namespace EventFlowApp.Kernel.Commands;

/// <summary>Whether a command needs its aggregate to exist already; checked before the handler runs.</summary>
public enum AggregateExpectation
{
    /// <summary>The aggregate must have events (the usual case).</summary>
    Existing,

    /// <summary>The command creates the aggregate; it must not exist yet.</summary>
    New,

    /// <summary>Either; the handler decides.</summary>
    Any,
}

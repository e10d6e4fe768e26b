namespace EventFlowApp.Kernel.EntityFramework.Dialects;

/// <summary>What a unique-constraint violation during a commit means.</summary>
public enum CommitConflict
{
    None,

    /// <summary>Another writer appended to one of the streams (aggregate id + sequence, or event id).</summary>
    Stream,

    /// <summary>The command's source id was recorded by another commit.</summary>
    DuplicateCommand,
}

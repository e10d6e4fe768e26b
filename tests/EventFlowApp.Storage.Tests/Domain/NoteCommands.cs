using EventFlowApp.Kernel.Commands;

namespace EventFlowApp.Storage.Tests.Domain;

public sealed record WriteNoteResult(int LineCount) : ExecutionResult;

public sealed record WriteNote(NoteId AggregateId, string Text) : Command<Note, NoteId, WriteNoteResult>(AggregateId)
{
    public override AggregateExpectation Expectation => AggregateExpectation.Any;
}

public sealed record ArchiveNote(NoteId AggregateId) : Command<Note, NoteId, ExecutionResult>(AggregateId);

public sealed class WriteNoteHandler : ICommandHandler<Note, NoteId, WriteNoteResult, WriteNote>
{
    public Task<WriteNoteResult> ExecuteAsync(Note aggregate, WriteNote command, CancellationToken cancellationToken)
    {
        aggregate.Write(command.Text);
        return Task.FromResult(new WriteNoteResult(aggregate.State.Lines.Count));
    }
}

public sealed class ArchiveNoteHandler : CommandHandler<Note, NoteId, ArchiveNote>
{
    protected override void Execute(Note aggregate, ArchiveNote command) => aggregate.Archive();
}

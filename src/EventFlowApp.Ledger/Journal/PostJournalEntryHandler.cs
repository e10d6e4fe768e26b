using EventFlowApp.Kernel.Commands;

namespace EventFlowApp.Ledger.Journal;

/// <summary>Posts an entry and records it in its ledger in one transaction (see <see cref="JournalPosting"/>).</summary>
public sealed class PostJournalEntryHandler(JournalPosting posting) : ICommandHandler<JournalEntry, JournalEntryId, PostingResult, PostJournalEntry>
{
    public async Task<PostingResult> ExecuteAsync(JournalEntry aggregate, PostJournalEntry command, CancellationToken cancellationToken) =>
        new(await posting.PostAsync(
            command.LedgerId, aggregate.Id, command.EffectiveDate, command.Description, command.Reference, command.Lines, cancellationToken));
}

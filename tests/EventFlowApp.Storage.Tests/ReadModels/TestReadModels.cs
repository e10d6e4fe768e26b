using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Storage.Tests.Domain;

namespace EventFlowApp.Storage.Tests.ReadModels;

/// <summary>A row with a column of every kind the convention maps: exact amounts and rates, dates, instants, long text.</summary>
[ReadModel("postings")]
[ReadModelIndex(nameof(Account), nameof(Day))]
public sealed class Posting : IAmReadModelFor<Note, NoteId, NoteWritten>
{
    public string Account { get; set; } = "";

    public decimal Amount { get; set; }

    public decimal Rate { get; set; }

    public DateOnly Day { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public DateTime BookedAt { get; set; }

    [UnboundedText]
    public string? Memo { get; set; }

    public int Lines { get; set; }

    public bool Reversed { get; set; }

    public long? Reference { get; set; }

    /// <summary>Read-only: not a column.</summary>
    public string Display => $"{Account} {Amount}";

    public void Apply(IReadModelContext context, IDomainEvent<Note, NoteId, NoteWritten> domainEvent)
    {
        Lines++;
        Memo = domainEvent.AggregateEvent.Text;
    }
}

/// <summary>Updated in the append transaction. Writing "explode" makes it throw, archiving deletes the row.</summary>
[ReadModel("note_summaries", ConsistentOnWrite = true)]
public sealed class NoteSummary : IAmReadModelFor<Note, NoteId, NoteWritten>, IAmReadModelFor<Note, NoteId, NoteArchived>
{
    public const string Explode = "explode";

    public int Lines { get; set; }

    public string LastText { get; set; } = "";

    public long LastPosition { get; set; }

    public void Apply(IReadModelContext context, IDomainEvent<Note, NoteId, NoteWritten> domainEvent)
    {
        if (domainEvent.AggregateEvent.Text == Explode)
        {
            throw new InvalidOperationException("The summary refuses to explode.");
        }

        Lines++;
        LastText = domainEvent.AggregateEvent.Text;
        LastPosition = domainEvent.GlobalSequenceNumber;
    }

    public void Apply(IReadModelContext context, IDomainEvent<Note, NoteId, NoteArchived> domainEvent) => context.MarkForDeletion();
}

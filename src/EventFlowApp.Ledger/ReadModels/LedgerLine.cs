using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger.Journal;

namespace EventFlowApp.Ledger.ReadModels;

/// <summary>
/// The general ledger: one row per posted line, never changed once written (a reversal is a new entry
/// with its own rows). Each row carries both time axes: the effective date bookkeeping reports by, and
/// the global position and time it was recorded, which "as known at" reports filter by.
/// </summary>
[ReadModel("ledger_lines")]
[ReadModelLocator(typeof(LedgerLineLocator))]
[ReadModelIndex(nameof(LedgerId), nameof(AccountCode), nameof(EffectiveDate))]
[ReadModelIndex(nameof(LedgerId), nameof(EffectiveDate))]
public sealed class LedgerLine : IAmReadModelFor<JournalEntry, JournalEntryId, JournalEntryPosted>
{
    public string LedgerId { get; set; } = "";

    public string EntryId { get; set; } = "";

    public long EntryNumber { get; set; }

    public int LineNumber { get; set; }

    public string AccountCode { get; set; } = "";

    public DateOnly EffectiveDate { get; set; }

    /// <summary>yyyy-MM of <see cref="EffectiveDate"/>.</summary>
    public string Period { get; set; } = "";

    [UnboundedText]
    public string Description { get; set; } = "";

    public string Reference { get; set; } = "";

    /// <summary>In the account's currency (<see cref="AccountCurrency"/>); one of debit and credit is zero.</summary>
    public decimal Debit { get; set; }

    public decimal Credit { get; set; }

    public string AccountCurrency { get; set; } = "";

    /// <summary>The amount as entered, in <see cref="LineCurrency"/>.</summary>
    public decimal LineAmount { get; set; }

    public string LineCurrency { get; set; } = "";

    /// <summary>The recorded rate from the line's to the account's currency; 0 when they are the same.</summary>
    public decimal Rate { get; set; }

    public decimal ReportingDebit { get; set; }

    public decimal ReportingCredit { get; set; }

    public string ReportingCurrency { get; set; } = "";

    /// <summary>False when nothing recorded gives the line's reporting amount; its reporting columns are then 0.</summary>
    public bool ReportingConverted { get; set; }

    /// <summary>The entry this line's entry reverses, or empty.</summary>
    public string ReversalOfEntryId { get; set; } = "";

    public long RecordedPosition { get; set; }

    /// <summary>UTC.</summary>
    public DateTime RecordedAt { get; set; }

    public void Apply(IReadModelContext context, IDomainEvent<JournalEntry, JournalEntryId, JournalEntryPosted> domainEvent)
    {
        var e = domainEvent.AggregateEvent;
        LineNumber = LedgerLineLocator.LineNumberOf(context.ReadModelId);
        var line = e.Lines[LineNumber - 1];
        var debit = line.Side == Side.Debit;
        var reporting = ReportingAmounts.Of(line, e.Lines, e.ReportingCurrency);

        LedgerId = e.LedgerId.Value;
        EntryId = domainEvent.AggregateIdentity.Value;
        EntryNumber = e.Number;
        AccountCode = line.AccountCode;
        EffectiveDate = e.EffectiveDate;
        Period = Periods.Period.Of(e.EffectiveDate).ToString();
        Description = e.Description;
        Reference = e.Reference ?? "";
        Debit = debit ? line.AccountAmount : 0m;
        Credit = debit ? 0m : line.AccountAmount;
        AccountCurrency = line.AccountCurrency.Code;
        LineAmount = line.Amount;
        LineCurrency = line.Currency.Code;
        Rate = line.Rate?.Rate ?? 0m;
        ReportingDebit = debit ? reporting ?? 0m : 0m;
        ReportingCredit = debit ? 0m : reporting ?? 0m;
        ReportingCurrency = e.ReportingCurrency?.Code ?? "";
        ReportingConverted = reporting is not null;
        ReversalOfEntryId = e.ReversalOf?.Value ?? "";
        RecordedPosition = Recorded.Position(domainEvent);
        RecordedAt = Recorded.Time(domainEvent);
    }
}

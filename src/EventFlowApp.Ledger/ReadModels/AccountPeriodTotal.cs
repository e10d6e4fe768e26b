using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger.Journal;

namespace EventFlowApp.Ledger.ReadModels;

/// <summary>
/// Debit and credit totals per account and calendar month of the effective date.
/// Why: a trial balance (or a balance sheet, or an opening balance) as of a date is a sum over every
/// line before that date. With a million lines that is a million rows to read and add up. Summing these
/// totals instead reads one row per account and month that had postings (a few thousand for years of
/// books), and only the days of a partial month come from the lines, through the (ledger, date) index.
/// The answer is the same because both are sums of the same lines; a back-dated entry simply adds to an
/// older month's row. What the totals cannot do is forget what was recorded later, so "as known at"
/// reports sum the lines instead.
/// </summary>
[ReadModel("ledger_account_period_totals")]
[ReadModelLocator(typeof(AccountPeriodLocator))]
[ReadModelIndex(nameof(LedgerId), nameof(PeriodStart))]
public sealed class AccountPeriodTotal : IAmReadModelFor<JournalEntry, JournalEntryId, JournalEntryPosted>
{
    public string LedgerId { get; set; } = "";

    public string AccountCode { get; set; } = "";

    /// <summary>yyyy-MM.</summary>
    public string Period { get; set; } = "";

    /// <summary>The period's first day, to select whole months by date.</summary>
    public DateOnly PeriodStart { get; set; }

    /// <summary>In the account's currency.</summary>
    public decimal Debit { get; set; }

    public decimal Credit { get; set; }

    public decimal ReportingDebit { get; set; }

    public decimal ReportingCredit { get; set; }

    public int Lines { get; set; }

    public int UnconvertedLines { get; set; }

    public long LastPosition { get; set; }

    public void Apply(IReadModelContext context, IDomainEvent<JournalEntry, JournalEntryId, JournalEntryPosted> domainEvent)
    {
        var e = domainEvent.AggregateEvent;
        var period = Periods.Period.Of(e.EffectiveDate);
        var accountId = AccountPeriodLocator.AccountIdOf(context.ReadModelId);
        LedgerId = e.LedgerId.Value;
        Period = period.ToString();
        PeriodStart = period.FirstDay;
        foreach (var line in e.Lines.Where(l => l.AccountId.Value == accountId))
        {
            var debit = line.Side == Side.Debit;
            var reporting = ReportingAmounts.Of(line, e.Lines, e.ReportingCurrency);
            AccountCode = line.AccountCode;
            Debit += debit ? line.AccountAmount : 0m;
            Credit += debit ? 0m : line.AccountAmount;
            ReportingDebit += debit ? reporting ?? 0m : 0m;
            ReportingCredit += debit ? 0m : reporting ?? 0m;
            Lines++;
            UnconvertedLines += reporting is null ? 1 : 0;
        }

        LastPosition = Recorded.Position(domainEvent);
    }
}

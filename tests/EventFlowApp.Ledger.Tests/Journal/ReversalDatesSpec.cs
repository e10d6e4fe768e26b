using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Periods;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Support.LedgerHost;

namespace EventFlowApp.Ledger.Tests.Journal;

/// <summary>
/// A reversal is effective on the given date, else on the original's date, else (its period being closed)
/// on the first day of the next open period.
/// </summary>
public sealed class ReversalDatesSpec : LedgerSpec
{
    private static readonly DateOnly March10 = new(2026, 3, 10);

    [Fact]
    public async Task Without_a_date_the_reversal_takes_the_original_date()
    {
        var original = await GivenPostedOnMarch10Async();

        var events = await WhenAsync(new ReverseJournalEntry(original, JournalEntryId.New));

        AssertEffective(events, March10);
    }

    [Fact]
    public async Task Without_a_date_and_the_original_period_closed_the_reversal_takes_the_first_day_of_the_next_period()
    {
        var original = await GivenPostedOnMarch10Async();
        await GivenAsync(new ClosePeriod(Host.LedgerId, new Period(2026, 3)));

        var events = await WhenAsync(new ReverseJournalEntry(original, JournalEntryId.New));

        AssertEffective(events, new DateOnly(2026, 4, 1));
    }

    [Fact]
    public async Task Without_a_date_it_skips_every_closed_month_in_a_row()
    {
        var original = await GivenPostedOnMarch10Async();
        await GivenAsync(
            new ClosePeriod(Host.LedgerId, new Period(2026, 3)),
            new ClosePeriod(Host.LedgerId, new Period(2026, 4)),
            new ClosePeriod(Host.LedgerId, new Period(2026, 5)),
            new ClosePeriod(Host.LedgerId, new Period(2026, 7)));

        var events = await WhenAsync(new ReverseJournalEntry(original, JournalEntryId.New));

        AssertEffective(events, new DateOnly(2026, 6, 1));
    }

    [Fact]
    public async Task An_open_later_month_after_a_closed_year_end_is_found()
    {
        var original = await GivenPostedAsync(new DateOnly(2026, 11, 30));
        await GivenAsync(new ClosePeriod(Host.LedgerId, new Period(2026, 11)), new ClosePeriod(Host.LedgerId, new Period(2026, 12)));

        var events = await WhenAsync(new ReverseJournalEntry(original, JournalEntryId.New));

        AssertEffective(events, new DateOnly(2027, 1, 1));
    }

    [Fact]
    public async Task A_date_before_the_original_took_effect_is_refused()
    {
        var original = await GivenPostedOnMarch10Async();

        var error = await ThenRefusedAsync(new ReverseJournalEntry(original, JournalEntryId.New, new DateOnly(2026, 3, 9)), "entry.reversal_before_original");

        Assert.Contains("2026-03-10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_given_date_in_an_open_period_is_used()
    {
        var original = await GivenPostedOnMarch10Async();
        var date = new DateOnly(2026, 5, 20);

        var events = await WhenAsync(new ReverseJournalEntry(original, JournalEntryId.New, date));

        AssertEffective(events, date);
    }

    [Fact]
    public async Task A_given_date_in_a_closed_period_is_refused_naming_the_period()
    {
        var original = await GivenPostedOnMarch10Async();
        await GivenAsync(new ClosePeriod(Host.LedgerId, new Period(2026, 4)));

        var error = await ThenRefusedAsync(new ReverseJournalEntry(original, JournalEntryId.New, new DateOnly(2026, 4, 15)), "period.closed");

        Assert.Contains("2026-04", error.Message, StringComparison.Ordinal);
        Assert.Null((await Host.EntryAsync(original)).State.ReversedBy);
    }

    private static void AssertEffective(IReadOnlyList<Kernel.Events.IAggregateEvent> events, DateOnly date)
    {
        Assert.Equal(date, events.OfType<JournalEntryPosted>().Single().EffectiveDate);
        Assert.Equal(date, events.OfType<JournalEntryReversed>().Single().ReversalDate);
        Assert.Equal(date, events.OfType<Ledger.GeneralLedger.JournalEntryRecorded>().Single().EffectiveDate);
    }

    private Task<JournalEntryId> GivenPostedOnMarch10Async() => GivenPostedAsync(March10);

    private async Task<JournalEntryId> GivenPostedAsync(DateOnly date)
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);
        var id = JournalEntryId.New;
        await Host.PostAsync(id, date, Debit(cash, 50m), Credit(sales, 50m));
        return id;
    }
}

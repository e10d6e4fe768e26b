using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.ExchangeRates;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Periods;
using EventFlowApp.Ledger.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Ledger.Tests.Properties;

/// <summary>
/// Sends a few hundred random commands per seed, predicts each outcome from the state before it (accepted,
/// or which rule refuses it), and checks the invariants after every command. A failure names the seed and
/// the step: run that seed again to replay it.
/// </summary>
public sealed class RandomCommandsProperty() : LedgerSpec(Rates)
{
    private const int Steps = 400;
    private const string Accepted = "accepted";
    private const string NotFound = "kernel: aggregate not found";

    private static readonly ExchangeRate[] Rates = [.. RatesFrom(new DateOnly(2025, 1, 1), 1m), .. RatesFrom(new DateOnly(2026, 7, 1), 1.0375m)];

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(2026)]
    [InlineData(31337)]
    public async Task Random_commands_keep_the_books_balanced(int seed)
    {
        var commands = new RandomLedgerCommands(new Random(seed), Host.LedgerId);
        var invariants = new LedgerInvariants(Host);
        await invariants.CatchUpAsync($"seed {seed}, setup");
        var state = (await Host.LedgerAsync()).State;
        var outcomes = new Dictionary<string, int>();
        for (var step = 1; step <= Steps; step++)
        {
            var generated = commands.Next();
            var where = $"seed {seed}, step {step} ({generated.Text})";
            var (expected, reversalDate) = await ExpectAsync(generated, state);
            var outcome = await SendAsync(generated.Command, where);
            Assert.True(expected == outcome, $"{where}: expected {expected}, got {outcome}.");
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;

            var appended = await invariants.CatchUpAsync(where);
            if (outcome != Accepted)
            {
                Assert.True(appended == 0, $"{where}: refused with {outcome} but appended {appended} event(s).");
                continue;
            }

            commands.Accepted(generated.Command);
            state = (await Host.LedgerAsync()).State;
            invariants.CheckState(where, state);
            if (generated.Command is ReverseJournalEntry reverse)
            {
                var date = (await Host.EntryAsync(reverse.ReversalId)).State.EffectiveDate;
                Assert.True(date == reversalDate, $"{where}: the reversal is effective on {date}, expected {reversalDate}.");
            }
        }

        await CheckReplayWithoutSnapshotsAsync(seed, state);
        var summary = $"seed {seed}: {string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}"))}";
        Assert.True(outcomes.GetValueOrDefault(Accepted) > Steps / 3 && invariants.PostedCount > Steps / 5, $"Too few commands were accepted to mean much: {summary}.");
    }

    private async Task<string> SendAsync(ICommand command, string where)
    {
        try
        {
            await Host.SendAsync(command);
            return Accepted;
        }
        catch (DomainError e)
        {
            return e.Code;
        }
        catch (AggregateNotFoundException)
        {
            return NotFound;
        }
        catch (Exception e)
        {
            Assert.Fail($"{where}: unexpected {e}");
            throw;
        }
    }

    /// <summary>The outcome the rules predict from the state before the command, and for a reversal its effective date.</summary>
    private async Task<(string Outcome, DateOnly? ReversalDate)> ExpectAsync(GeneratedCommand generated, GeneralLedgerState s)
    {
        bool AnyClosed(IEnumerable<string> accounts) => accounts.Any(a => s.Accounts[a].IsClosed);
        switch (generated.Command)
        {
            case OpenAccount c:
                return (s.Codes.ContainsKey(c.Code) ? "account.code_taken" : Accepted, null);
            case ClosePeriod c:
                return (s.IsClosed(c.Period) ? "period.already_closed" : Accepted, null);
            case ReopenPeriod c:
                return (s.IsClosed(c.Period) ? Accepted : "period.not_closed", null);
            case CloseAccount c:
                var toClose = s.Accounts[c.AccountId.Value];
                return (toClose.IsClosed ? "account.already_closed" : toClose.Balance != 0m ? "account.balance_not_zero" : Accepted, null);
            case ReopenAccount c:
                return (s.Accounts[c.AccountId.Value].IsClosed ? Accepted : "account.not_closed", null);
            case PostJournalEntry c:
                return (generated.Flaw switch
                {
                    Flaw.TooPrecise => "money.precision",
                    Flaw.NotPositive => "entry.amount_not_positive",
                    Flaw.TooFewLines => "entry.too_few_lines",
                    Flaw.UnknownAccount => "account.not_found",
                    _ when s.IsClosed(Period.Of(c.EffectiveDate)) => "period.closed",
                    _ when AnyClosed(c.Lines.Select(l => l.AccountId.Value)) => "account.closed",
                    Flaw.Unbalanced => "entry.unbalanced",
                    _ => Accepted,
                }, null);
            case ReverseJournalEntry c when generated.Flaw == Flaw.UnknownEntry:
                return (NotFound, null);
            case ReverseJournalEntry c:
                var original = (await Host.EntryAsync(c.AggregateId)).State;
                var date = c.EffectiveDate ?? FirstOpenDay(s, original.EffectiveDate);
                return (original.ReversedBy is not null ? "entry.already_reversed"
                    : date < original.EffectiveDate ? "entry.reversal_before_original"
                    : s.IsClosed(Period.Of(date)) ? "period.closed"
                    : AnyClosed(original.Lines.Select(l => l.AccountId.Value)) ? "account.closed"
                    : Accepted, date);
            default:
                throw new InvalidOperationException($"No prediction for {generated.Command.GetType().Name}.");
        }
    }

    private static DateOnly FirstOpenDay(GeneralLedgerState s, DateOnly date)
    {
        var period = Period.Of(date);
        if (!s.IsClosed(period))
        {
            return date;
        }

        while (s.IsClosed(period))
        {
            period = period.Next;
        }

        return period.FirstDay;
    }

    /// <summary>The state as loaded (from snapshots) equals the fold of the whole stream from its first event.</summary>
    private async Task CheckReplayWithoutSnapshotsAsync(int seed, GeneralLedgerState loaded)
    {
        var events = await Host.Services.GetRequiredService<IEventStore>().LoadEventsAsync<Ledger.GeneralLedger.GeneralLedger, GeneralLedgerId>(Host.LedgerId, Ct);
        var replayed = events.Aggregate(new GeneralLedgerState(), (state, e) => state.Apply(e.GetAggregateEvent()));
        Assert.True(replayed.LastEntryNumber == loaded.LastEntryNumber, $"seed {seed}: replayed last number {replayed.LastEntryNumber}, loaded {loaded.LastEntryNumber}.");
        Assert.True(replayed.ClosedPeriods.SequenceEqual(loaded.ClosedPeriods), $"seed {seed}: closed periods differ between replay and snapshot.");
        Assert.True(replayed.Accounts.Count == loaded.Accounts.Count, $"seed {seed}: account counts differ between replay and snapshot.");
        foreach (var (id, account) in replayed.Accounts)
        {
            Assert.True(account == loaded.Accounts[id], $"seed {seed}: account {account.Code} replays as {account}, loads as {loaded.Accounts[id]}.");
        }
    }

    private static IEnumerable<ExchangeRate> RatesFrom(DateOnly date, decimal drift)
    {
        var perEuro = new Dictionary<Currency, decimal> { [Currency.EUR] = 1m, [Currency.USD] = 1.087m, [Currency.GBP] = 0.855m, [Currency.JPY] = 163.5m };
        return from source in RandomLedgerCommands.Currencies
               from target in RandomLedgerCommands.Currencies
               where source != target
               select new ExchangeRate(source, target, Math.Round(perEuro[target] / perEuro[source] * drift, 6), date, "property");
    }
}

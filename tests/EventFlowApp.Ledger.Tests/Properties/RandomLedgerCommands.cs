using EventFlowApp.Kernel.Commands;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Periods;

namespace EventFlowApp.Ledger.Tests.Properties;

/// <summary>What is wrong with a generated command by construction; <see cref="None"/> may still be refused by the ledger's state.</summary>
internal enum Flaw
{
    None,
    TooFewLines,
    NotPositive,
    TooPrecise,
    Unbalanced,
    UnknownAccount,
    UnknownEntry,
}

internal sealed record GeneratedCommand(ICommand Command, Flaw Flaw, string Text);

/// <summary>
/// Random commands on one ledger, valid and invalid: accounts in EUR/USD/GBP/JPY, entries of a few lines in
/// one or two currencies (sometimes with a flaw), reversals of earlier entries, period and account closes
/// and reopens. Everything random comes from the seeded <see cref="Random"/>, so a seed replays a run.
/// </summary>
internal sealed class RandomLedgerCommands(Random random, GeneralLedgerId ledger)
{
    public static readonly Currency[] Currencies = [Currency.EUR, Currency.USD, Currency.GBP, Currency.JPY];

    private readonly List<(AccountId Id, string Code)> _accounts = [];
    private readonly List<JournalEntryId> _entries = [];
    private int _nextCode = 1000;

    public GeneratedCommand Next()
    {
        var roll = random.Next(100);
        return roll switch
        {
            _ when _accounts.Count < 4 || roll < 5 => OpenAccount(),
            < 60 => Post(),
            < 76 when _entries.Count > 0 => Reverse(),
            < 80 => new(new ClosePeriod(ledger, RandomPeriod()), Flaw.None, "close period"),
            < 88 => new(new ReopenPeriod(ledger, RandomPeriod()), Flaw.None, "reopen period"),
            < 94 => AccountCommand(id => new CloseAccount(ledger, id), "close account"),
            _ => AccountCommand(id => new ReopenAccount(ledger, id), "reopen account"),
        };
    }

    /// <summary>Remembers what an accepted command created, for later commands to use.</summary>
    public void Accepted(ICommand command)
    {
        switch (command)
        {
            case OpenAccount open:
                _accounts.Add((AccountId.For(ledger, open.Code), open.Code));
                break;
            case PostJournalEntry post:
                _entries.Add(post.AggregateId);
                break;
            case ReverseJournalEntry reverse:
                _entries.Add(reverse.ReversalId);
                break;
        }
    }

    private GeneratedCommand OpenAccount()
    {
        var code = _accounts.Count > 0 && random.Next(10) == 0 ? _accounts[random.Next(_accounts.Count)].Code : (_nextCode++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var type = (AccountType)random.Next(5);
        var currency = Currencies[random.Next(Currencies.Length)];
        return new(new OpenAccount(ledger, code, $"Account {code}", type, currency), Flaw.None, $"open account {code} {type} {currency}");
    }

    private GeneratedCommand Post()
    {
        var flaw = random.Next(100) switch
        {
            < 6 => Flaw.TooPrecise,
            < 12 => Flaw.Unbalanced,
            < 15 => Flaw.NotPositive,
            < 17 => Flaw.TooFewLines,
            < 19 => Flaw.UnknownAccount,
            _ => Flaw.None,
        };
        var lines = BalancedLines();
        var i = random.Next(lines.Count);
        var unit = Unit(lines[i].Currency);
        switch (flaw)
        {
            case Flaw.TooPrecise:
                lines[i] = lines[i] with { Amount = lines[i].Amount + (unit / 10) };
                break;
            case Flaw.Unbalanced:
                lines[i] = lines[i] with { Amount = lines[i].Amount + unit };
                break;
            case Flaw.NotPositive:
                lines[i] = lines[i] with { Amount = random.Next(2) == 0 ? 0m : -lines[i].Amount };
                break;
            case Flaw.TooFewLines:
                lines.RemoveRange(0, lines.Count - random.Next(2));
                break;
            case Flaw.UnknownAccount:
                lines[i] = lines[i] with { AccountId = AccountId.For(ledger, $"ghost-{random.Next(1000)}") };
                break;
        }

        var date = RandomDate();
        var text = $"post {date:yyyy-MM-dd} [{string.Join(", ", lines.Select(l => $"{l.Side} {l.Amount} {l.Currency} on {CodeOf(l.AccountId)}"))}], flaw {flaw}";
        return new(new PostJournalEntry(JournalEntryId.New, ledger, date, "random entry", null, lines), flaw, text);
    }

    private List<JournalLineInput> BalancedLines()
    {
        var lines = new List<JournalLineInput>();
        foreach (var currency in Currencies.OrderBy(_ => random.Next()).Take(1 + random.Next(2)))
        {
            var debits = Enumerable.Range(0, 1 + random.Next(2)).Select(_ => random.Next(1, currency.MinorUnits == 0 ? 200_000 : 1_000_000)).ToList();
            var total = debits.Sum();
            var first = total > 1 && random.Next(2) == 0 ? random.Next(1, total) : total;
            int[] credits = first == total ? [total] : [first, total - first];
            lines.AddRange(debits.Select(units => new JournalLineInput(RandomAccount(), Side.Debit, Amount(units, currency), currency)));
            lines.AddRange(credits.Select(units => new JournalLineInput(RandomAccount(), Side.Credit, Amount(units, currency), currency)));
        }

        return [.. lines.OrderBy(_ => random.Next())];
    }

    private GeneratedCommand Reverse()
    {
        if (random.Next(10) == 0)
        {
            return new(new ReverseJournalEntry(JournalEntryId.New, JournalEntryId.New), Flaw.UnknownEntry, "reverse an entry never posted");
        }

        var original = _entries[random.Next(_entries.Count)];
        DateOnly? date = random.Next(10) < 3 ? RandomDate() : null;
        return new(new ReverseJournalEntry(original, JournalEntryId.New, date), Flaw.None, $"reverse entry {_entries.IndexOf(original) + 1} on {date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "the default date"}");
    }

    private GeneratedCommand AccountCommand(Func<AccountId, ICommand> command, string what)
    {
        var (id, code) = _accounts[random.Next(_accounts.Count)];
        return new(command(id), Flaw.None, $"{what} {code}");
    }

    private AccountId RandomAccount() => _accounts[random.Next(_accounts.Count)].Id;

    private string CodeOf(AccountId id) => _accounts.FirstOrDefault(a => a.Id == id).Code ?? "unknown";

    private DateOnly RandomDate() => new DateOnly(2026, 1, 1).AddDays(random.Next(365));

    private Period RandomPeriod() => new(2026, 1 + random.Next(12));

    private static decimal Amount(int minorUnits, Currency currency) => new(minorUnits, 0, 0, false, (byte)currency.MinorUnits);

    private static decimal Unit(Currency currency) => new(1, 0, 0, false, (byte)currency.MinorUnits);
}

using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.ExchangeRates;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.GeneralLedger;

public sealed partial class GeneralLedger
{
    public const int MinLines = 2;

    /// <summary>The currency pairs (line currency to account currency) the lines need rates for.</summary>
    public IReadOnlyList<(Currency From, Currency To)> RatesNeeded(IEnumerable<JournalLineInput> lines) =>
        lines.Select(l => (From: l.Currency, To: RequireAccount(l.AccountId).Currency))
            .Where(p => p.From != p.To)
            .Distinct()
            .ToList();

    /// <summary>Checks the entered lines against the chart of accounts and converts them with the given rates.</summary>
    public IReadOnlyList<PostedLine> PriceLines(IReadOnlyList<JournalLineInput> lines, IReadOnlyDictionary<(Currency From, Currency To), ExchangeRate> rates)
    {
        var priced = new List<PostedLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var account = RequireAccount(line.AccountId);
            if (line.Amount <= 0)
            {
                throw new DomainError("entry.amount_not_positive", $"Line {i + 1}: the amount must be positive, not {line.Amount}.");
            }

            MoneyRules.EnsurePrecision(line.Amount, line.Currency, $"Line {i + 1}");
            if (line.Currency == account.Currency)
            {
                priced.Add(new PostedLine(account.Id, account.Code, line.Side, line.Amount, line.Currency, line.Amount, account.Currency, null));
                continue;
            }

            if (!rates.TryGetValue((line.Currency, account.Currency), out var rate))
            {
                throw new DomainError(
                    "rate.missing", $"Line {i + 1}: account {account.Code} is in {account.Currency}, the line in {line.Currency}, and no rate was recorded.");
            }

            MoneyRules.EnsureRate(rate.Rate, $"Line {i + 1}");
            var converted = MoneyRules.Convert(line.Amount, rate.Rate, account.Currency);
            priced.Add(new PostedLine(account.Id, account.Code, line.Side, line.Amount, line.Currency, converted, account.Currency, rate));
        }

        return priced;
    }

    /// <summary>
    /// Records a posting: two or more lines on open accounts, balanced per currency, effective in an open
    /// period. Returns the entry's number (gapless, in posting order).
    /// </summary>
    public long RecordEntry(JournalEntryId entryId, DateOnly effectiveDate, IReadOnlyList<PostedLine> lines, string what = "The entry")
    {
        EnsureOpen();
        if (lines.Count < MinLines)
        {
            throw new DomainError("entry.too_few_lines", $"{what} has {lines.Count} line(s); a journal entry needs at least {MinLines}.");
        }

        EnsurePeriodOpen(effectiveDate, what);
        foreach (var line in lines)
        {
            var account = RequireAccount(line.AccountId);
            if (account.IsClosed)
            {
                throw new DomainError("account.closed", $"{what} posts to account {account.Code}, which is closed.");
            }
        }

        EnsureBalanced(lines, what);
        var changes = lines.GroupBy(l => l.AccountId.Value)
            .Select(g => new BalanceChange(g.First().AccountId, g.Sum(l => l.SignedAccountAmount)))
            .ToList();
        var number = State.LastEntryNumber + 1;
        Emit(new JournalEntryRecorded(entryId, number, effectiveDate, changes));
        return number;
    }

    private static void EnsureBalanced(IReadOnlyList<PostedLine> lines, string what)
    {
        foreach (var currency in lines.GroupBy(l => l.Currency))
        {
            var debits = currency.Where(l => l.Side == Side.Debit).Sum(l => l.Amount);
            var credits = currency.Where(l => l.Side == Side.Credit).Sum(l => l.Amount);
            if (debits != credits)
            {
                throw new DomainError(
                    "entry.unbalanced",
                    $"{what} does not balance in {currency.Key}: debits {debits} and credits {credits} differ by {debits - credits}.");
            }
        }
    }
}

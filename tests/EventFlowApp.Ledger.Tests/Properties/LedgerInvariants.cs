using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Ledger.Tests.Properties;

/// <summary>
/// Follows the event store and checks what must always hold: every entry balances per line currency, a
/// reversal mirrors its original exactly, entry numbers run 1..N, and the ledger's balances are the sums of
/// the posted lines. Every failure message starts with <c>where</c> (seed, step and command).
/// </summary>
internal sealed class LedgerInvariants(LedgerHost host)
{
    private readonly Dictionary<string, JournalEntryPosted> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _balances = new(StringComparer.Ordinal);
    private readonly List<long> _recordedNumbers = [];
    private long _position;

    public int PostedCount => _entries.Count;

    /// <summary>Reads the events appended since the last call, checks each new entry, and returns how many there were.</summary>
    public async Task<int> CatchUpAsync(string where)
    {
        var page = await host.Services.GetRequiredService<IEventStore>().LoadAllEventsAsync(_position, int.MaxValue, LedgerHost.Ct);
        foreach (var domainEvent in page.Events)
        {
            switch (domainEvent.GetAggregateEvent())
            {
                case JournalEntryPosted posted:
                    CheckEntry(where, posted);
                    _entries.Add(domainEvent.GetIdentity().Value, posted);
                    foreach (var line in posted.Lines)
                    {
                        _balances[line.AccountId.Value] = _balances.GetValueOrDefault(line.AccountId.Value) + line.SignedAccountAmount;
                    }

                    break;
                case JournalEntryRecorded recorded:
                    _recordedNumbers.Add(recorded.Number);
                    break;
            }
        }

        _position = page.NextPosition;
        return page.Events.Count;
    }

    /// <summary>Checks the ledger's state (as loaded, from a snapshot when one is due) against the posted lines.</summary>
    public void CheckState(string where, GeneralLedgerState state)
    {
        foreach (var account in state.Accounts.Values)
        {
            var expected = _balances.GetValueOrDefault(account.Id.Value);
            Assert.True(expected == account.Balance, $"{where}: account {account.Code} has a balance of {account.Balance}, its posted lines sum to {expected}.");
        }

        Assert.True(_balances.Keys.All(state.Accounts.ContainsKey), $"{where}: lines were posted to accounts the ledger does not know.");
        var expectedNumbers = Enumerable.Range(1, _entries.Count).Select(n => (long)n).ToList();
        Assert.True(expectedNumbers.SequenceEqual(_recordedNumbers), $"{where}: the ledger recorded entry numbers {string.Join(",", _recordedNumbers)}, not 1..{_entries.Count}.");
        Assert.True(state.LastEntryNumber == _entries.Count, $"{where}: the last entry number is {state.LastEntryNumber}, but {_entries.Count} entries were posted.");
    }

    private void CheckEntry(string where, JournalEntryPosted posted)
    {
        Assert.True(posted.Number == _entries.Count + 1, $"{where}: entry number {posted.Number} follows {_entries.Count}.");
        foreach (var currency in posted.Lines.GroupBy(l => l.Currency))
        {
            var debits = currency.Where(l => l.Side == Side.Debit).Sum(l => l.Amount);
            var credits = currency.Where(l => l.Side == Side.Credit).Sum(l => l.Amount);
            Assert.True(debits == credits, $"{where}: entry {posted.Number} has debits {debits} and credits {credits} in {currency.Key}.");
        }

        if (posted.ReversalOf is { } originalId)
        {
            var original = _entries[originalId.Value];
            Assert.True(
                original.Lines.Select(l => l.Mirrored()).SequenceEqual(posted.Lines),
                $"{where}: entry {posted.Number} does not mirror entry {original.Number}, the one it reverses.");
        }
    }
}

using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.ExchangeRates;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.Tests.Support;

/// <summary>
/// Given (commands already applied) / When (one command) / Then (the events it appended, or a named error
/// and nothing appended). Every spec starts from an open ledger in EUR.
/// </summary>
public abstract class LedgerSpec : IDisposable
{
    /// <param name="rates">The rate table of the spec; <see cref="LedgerHost.DefaultRates"/> when null.</param>
    /// <param name="configure">Services registered before the ledger (test doubles).</param>
    protected LedgerSpec(IEnumerable<ExchangeRate>? rates = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configure = null)
    {
        Host = new LedgerHost(rates, configure);
        Host.SendAsync(new OpenLedger(Host.LedgerId, "Acme Ltd", Currency.EUR)).GetAwaiter().GetResult();
    }

    protected LedgerHost Host { get; }

    protected static CancellationToken Ct => LedgerHost.Ct;

    public void Dispose()
    {
        Host.Dispose();
        GC.SuppressFinalize(this);
    }

    protected async Task GivenAsync(params ICommand[] commands)
    {
        foreach (var command in commands)
        {
            await Host.SendAsync(command);
        }
    }

    protected Task<AccountId> GivenAccountAsync(string code, AccountType type = AccountType.Asset, Currency? currency = null) =>
        Host.OpenAccountAsync(code, type, currency);

    /// <summary>Sends the command and returns the payloads of the events it appended.</summary>
    protected async Task<IReadOnlyList<IAggregateEvent>> WhenAsync(ICommand command)
    {
        var before = (await Host.AllEventsAsync()).Count;
        await Host.SendAsync(command);
        return (await Host.AllEventsAsync()).Skip(before).Select(e => e.GetAggregateEvent()).ToList();
    }

    /// <summary>Asserts that the command is refused with <paramref name="code"/> and appends nothing; returns the error for its message.</summary>
    protected async Task<DomainError> ThenRefusedAsync(ICommand command, string code)
    {
        var before = (await Host.AllEventsAsync()).Count;
        var error = await Assert.ThrowsAnyAsync<DomainError>(() => Host.SendAsync(command));
        Assert.Equal(code, error.Code);
        Assert.Equal(before, (await Host.AllEventsAsync()).Count);
        return error;
    }

    /// <summary>Asserts that the kernel (not the domain) refuses the command with <typeparamref name="TException"/> and nothing is appended.</summary>
    protected async Task<TException> ThenThrowsAsync<TException>(ICommand command)
        where TException : Exception
    {
        var before = (await Host.AllEventsAsync()).Count;
        var error = await Assert.ThrowsAsync<TException>(() => Host.SendAsync(command));
        Assert.Equal(before, (await Host.AllEventsAsync()).Count);
        return error;
    }

    /// <summary>The balance (debits minus credits, in the account's currency) as the ledger's state has it now.</summary>
    protected async Task<decimal> BalanceAsync(AccountId account) => (await Host.LedgerAsync()).State.Accounts[account.Value].Balance;

    protected PostJournalEntry Entry(DateOnly date, params JournalLineInput[] lines) =>
        new(JournalEntryId.New, Host.LedgerId, date, "test entry", null, lines);
}

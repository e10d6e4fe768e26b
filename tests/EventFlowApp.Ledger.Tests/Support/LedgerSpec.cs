using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.Tests.Support;

/// <summary>
/// Given (commands already applied) / When (one command) / Then (the events it appended, or a named error
/// and nothing appended). Every spec starts from an open ledger in EUR.
/// </summary>
public abstract class LedgerSpec : IDisposable
{
    protected LedgerSpec()
    {
        Host.SendAsync(new OpenLedger(Host.LedgerId, "Acme Ltd", Currency.EUR)).GetAwaiter().GetResult();
    }

    protected LedgerHost Host { get; } = new();

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
}

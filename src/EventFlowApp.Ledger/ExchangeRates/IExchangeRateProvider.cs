using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.ExchangeRates;

/// <summary>
/// An external source of exchange rates. Only command handlers call it, before the events are emitted;
/// the rate is recorded in the event, and nothing that replays events ever calls it.
/// </summary>
public interface IExchangeRateProvider
{
    /// <summary>The rate in force on <paramref name="date"/> (the latest published on or before it); throws <see cref="ExchangeRateNotFoundException"/>.</summary>
    Task<ExchangeRate> GetRateAsync(Currency from, Currency to, DateOnly date, CancellationToken cancellationToken);
}

public sealed class ExchangeRateNotFoundException(Currency from, Currency to, DateOnly date)
    : Kernel.Core.DomainError("rate.missing", $"No {from}/{to} exchange rate is known for {date:yyyy-MM-dd} or before.");

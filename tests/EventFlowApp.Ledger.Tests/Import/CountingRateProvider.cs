using EventFlowApp.Ledger.ExchangeRates;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Tests.Support;

namespace EventFlowApp.Ledger.Tests.Import;

/// <summary>The default test rates, counting every question asked.</summary>
public sealed class CountingRateProvider : IExchangeRateProvider
{
    private readonly FixedExchangeRateProvider _rates = new(LedgerHost.DefaultRates);

    public List<(Currency From, Currency To, DateOnly Date)> Asked { get; } = [];

    public Task<ExchangeRate> GetRateAsync(Currency from, Currency to, DateOnly date, CancellationToken cancellationToken)
    {
        Asked.Add((from, to, date));
        return _rates.GetRateAsync(from, to, date, cancellationToken);
    }
}

using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.ExchangeRates;

/// <summary>A fixed table of rates: for each pair, the latest one dated on or before the asked date.</summary>
public sealed class FixedExchangeRateProvider : IExchangeRateProvider
{
    private readonly Dictionary<(Currency From, Currency To), List<ExchangeRate>> _rates = [];

    public FixedExchangeRateProvider(IEnumerable<ExchangeRate> rates)
    {
        foreach (var rate in rates)
        {
            MoneyRules.EnsureRate(rate.Rate, $"{rate.From}/{rate.To} {rate.Date:yyyy-MM-dd}");
            if (!_rates.TryGetValue((rate.From, rate.To), out var list))
            {
                _rates[(rate.From, rate.To)] = list = [];
            }

            list.Add(rate);
        }

        foreach (var list in _rates.Values)
        {
            list.Sort((a, b) => a.Date.CompareTo(b.Date));
        }
    }

    public Task<ExchangeRate> GetRateAsync(Currency from, Currency to, DateOnly date, CancellationToken cancellationToken)
    {
        if (from == to)
        {
            return Task.FromResult(new ExchangeRate(from, to, 1m, date, "identity"));
        }

        var found = _rates.TryGetValue((from, to), out var list) ? list.LastOrDefault(r => r.Date <= date) : null;
        return found is null ? throw new ExchangeRateNotFoundException(from, to, date) : Task.FromResult(found);
    }
}

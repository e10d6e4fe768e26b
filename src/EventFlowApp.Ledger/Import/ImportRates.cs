using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.ExchangeRates;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.Import;

/// <summary>The rates one import needs, each asked of the provider once per currency pair and date (a missing one too).</summary>
public sealed class ImportRates(IExchangeRateProvider provider)
{
    private readonly Dictionary<(Currency From, Currency To, DateOnly Date), (ExchangeRate? Rate, string? Error)> _asked = [];

    public int ProviderCalls { get; private set; }

    /// <summary>The rate, or null with the provider's reason why there is none.</summary>
    public async Task<(ExchangeRate? Rate, string? Error)> GetAsync(Currency from, Currency to, DateOnly date, CancellationToken cancellationToken)
    {
        if (!_asked.TryGetValue((from, to, date), out var answer))
        {
            ProviderCalls++;
            try
            {
                answer = (await provider.GetRateAsync(from, to, date, cancellationToken), null);
            }
            catch (DomainError e)
            {
                answer = (null, e.Message);
            }

            _asked[(from, to, date)] = answer;
        }

        return answer;
    }
}

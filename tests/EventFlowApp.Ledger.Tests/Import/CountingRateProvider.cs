using EventFlowApp.Ledger.ExchangeRates;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Tests.Support;

namespace EventFlowApp.Ledger.Tests.Import;

/// <summary>The default test rates, counting every question asked.</summary>
public sealed class CountingRateProvider : IExchangeRateProvider
{
    private readonly FixedExchangeRateProvider _rates = new(LedgerHost.DefaultRates);

    public List<(Currency From, Currency To, DateOnly Date)> Asked { get; } = [];

    /// <summary>Runs (once) before the next answer: lets a test write in the middle of an import.</summary>
    public Func<Task>? BeforeNextAnswer { get; set; }

    public async Task<ExchangeRate> GetRateAsync(Currency from, Currency to, DateOnly date, CancellationToken cancellationToken)
    {
        Asked.Add((from, to, date));
        if (BeforeNextAnswer is { } hook)
        {
            BeforeNextAnswer = null;
            await hook();
        }

        return await _rates.GetRateAsync(from, to, date, cancellationToken);
    }
}

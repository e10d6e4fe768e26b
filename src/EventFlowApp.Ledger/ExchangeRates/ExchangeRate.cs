using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.ExchangeRates;

/// <summary>
/// One unit of <see cref="From"/> is worth <see cref="Rate"/> units of <see cref="To"/>, as published for
/// <see cref="Date"/> by <see cref="Source"/>. Recorded in the event that used it, so replays never ask again.
/// </summary>
public sealed record ExchangeRate(Currency From, Currency To, decimal Rate, DateOnly Date, string Source);

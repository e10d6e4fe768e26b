using EventFlowApp.Kernel.Events;
using EventFlowApp.Ledger.GeneralLedger;

namespace EventFlowApp.Ledger.Periods;

[EventVersion("PeriodClosed", 1)]
public sealed record PeriodClosed(Period Period) : IAggregateEvent<GeneralLedger.GeneralLedger, GeneralLedgerId>;

[EventVersion("PeriodReopened", 1)]
public sealed record PeriodReopened(Period Period) : IAggregateEvent<GeneralLedger.GeneralLedger, GeneralLedgerId>;

using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger.GeneralLedger;

namespace EventFlowApp.Ledger.ReadModels;

/// <summary>One row per book (keyed by the ledger id): its name and the currency its reports are in.</summary>
[ReadModel("ledger_books")]
public sealed class LedgerBook : IAmReadModelFor<GeneralLedger.GeneralLedger, GeneralLedgerId, LedgerOpened>
{
    public string Name { get; set; } = "";

    public string ReportingCurrency { get; set; } = "";

    public long OpenedPosition { get; set; }

    public void Apply(IReadModelContext context, IDomainEvent<GeneralLedger.GeneralLedger, GeneralLedgerId, LedgerOpened> domainEvent)
    {
        Name = domainEvent.AggregateEvent.Name;
        ReportingCurrency = domainEvent.AggregateEvent.ReportingCurrency.Code;
        OpenedPosition = Recorded.Position(domainEvent);
    }
}

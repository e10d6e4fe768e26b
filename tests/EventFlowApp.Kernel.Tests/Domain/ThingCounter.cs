using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.ReadModels;

namespace EventFlowApp.Kernel.Tests.Domain;

/// <summary>One row per thing: its name, its total and how many events built it.</summary>
[ReadModel("thing_counters")]
public sealed class ThingCounter :
    IAmReadModelFor<Thing, ThingId, ThingCreated>,
    IAmReadModelFor<Thing, ThingId, ThingCounted>,
    IAmReadModelFor<Thing, ThingId, ThingRenamed>
{
    public string Name { get; set; } = "";

    public int Total { get; set; }

    public int Events { get; set; }

    public long LastPosition { get; set; }

    public void Apply(IReadModelContext context, IDomainEvent<Thing, ThingId, ThingCreated> domainEvent)
    {
        Name = domainEvent.AggregateEvent.Name;
        Seen(domainEvent);
    }

    public void Apply(IReadModelContext context, IDomainEvent<Thing, ThingId, ThingCounted> domainEvent)
    {
        Total += domainEvent.AggregateEvent.By;
        Seen(domainEvent);
    }

    public void Apply(IReadModelContext context, IDomainEvent<Thing, ThingId, ThingRenamed> domainEvent)
    {
        Name = domainEvent.AggregateEvent.NewName;
        Seen(domainEvent);
    }

    private void Seen(IDomainEvent domainEvent)
    {
        Events++;
        LastPosition = domainEvent.GlobalSequenceNumber;
    }
}

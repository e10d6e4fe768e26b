using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.Tests.Domain;

[AggregateName("Thing")]
public sealed class Thing : AggregateRoot<Thing, ThingId, ThingState>
{
    public Thing(ThingId id)
        : base(id)
    {
    }

    public void Create(string name)
    {
        if (!IsNew)
        {
            throw new DomainError("thing.exists", $"{Id} exists already.");
        }

        Emit(new ThingCreated(name));
    }

    public void Count(int by, Metadata? metadata = null)
    {
        if (by == 0)
        {
            throw new DomainError("thing.count-zero", "Counting by zero changes nothing.");
        }

        Emit(new ThingCounted(by), metadata);
    }

    public void Rename(string newName)
    {
        if (string.IsNullOrWhiteSpace(newName))
        {
            throw new DomainError("thing.name-empty", "A thing needs a name.");
        }

        Emit(new ThingRenamed(newName, State.Name));
    }

    public void Poke() => Emit(new ThingPoked());
}

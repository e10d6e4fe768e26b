using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Tests.Domain;

namespace EventFlowApp.Kernel.Tests.Support;

/// <summary>Given(events) / When(decision) / Then(events or error) on a <see cref="Thing"/>, with no store.</summary>
public abstract class ThingSpec
{
    private static readonly DateTimeOffset Committed = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    protected Thing Thing { get; } = new(ThingId.New);

    protected Exception? Error { get; private set; }

    protected void Given(params IAggregateEvent[] history)
    {
        IAggregateRoot root = Thing;
        foreach (var e in history)
        {
            root.ApplyCommitted(e, root.Version + 1, Committed);
        }
    }

    protected void When(Action<Thing> decide)
    {
        try
        {
            decide(Thing);
        }
        catch (DomainError e)
        {
            Error = e;
        }
    }

    protected void Then(params IAggregateEvent[] expected)
    {
        Assert.Null(Error);
        Assert.Equal(expected, Thing.UncommittedEvents.Select(p => p.AggregateEvent));
    }

    protected void ThenError(string code)
    {
        var error = Assert.IsType<DomainError>(Error);
        Assert.Equal(code, error.Code);
        Assert.Empty(Thing.UncommittedEvents);
    }
}

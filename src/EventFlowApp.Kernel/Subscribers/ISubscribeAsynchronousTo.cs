using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.Subscribers;

/// <summary>
/// Runs after the event was committed, from its own tracked processor (<c>subscriber:&lt;name&gt;</c>,
/// see <see cref="SubscriberNameAttribute"/>): at least once per event, in global order, retried from
/// its checkpoint after a failure or a crash. Mark a class that calls the outside world with
/// <see cref="Replay.DisallowReplayAttribute"/> so a replay of its processor does not call it again.
/// </summary>
public interface ISubscribeAsynchronousTo<TAggregate, TIdentity, in TEvent>
    where TAggregate : IAggregateRoot<TIdentity>
    where TIdentity : IIdentity
    where TEvent : IAggregateEvent<TAggregate, TIdentity>
{
    Task HandleAsync(IDomainEvent<TAggregate, TIdentity, TEvent> domainEvent, CancellationToken cancellationToken);
}

/// <summary>
/// The stable name of an asynchronous subscriber: it names its processor and checkpoint, so renaming
/// the class never makes it start again from the first event.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SubscriberNameAttribute : Attribute
{
    public SubscriberNameAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }

    /// <summary>What its processor does with an event the subscriber fails on; stop by default.</summary>
    public Processors.ProcessorErrorPolicy ErrorPolicy { get; init; }
}

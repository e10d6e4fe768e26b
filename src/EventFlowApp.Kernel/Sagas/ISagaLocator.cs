using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.Sagas;

/// <summary>
/// Says which saga an event belongs to: the saga id's value, or null when it concerns no saga. Resolved
/// from the service provider; it must give the same answer whenever asked (it is asked again when an
/// event is delivered again).
/// </summary>
public interface ISagaLocator
{
    Task<string?> LocateSagaAsync(IDomainEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>The locator of a saga; required on every saga class.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SagaLocatorAttribute(Type locatorType) : Attribute
{
    public Type LocatorType { get; } = locatorType;
}

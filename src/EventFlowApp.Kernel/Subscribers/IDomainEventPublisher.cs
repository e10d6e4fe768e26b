using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.Subscribers;

public interface IDomainEventPublisher
{
    Task PublishAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken);
}

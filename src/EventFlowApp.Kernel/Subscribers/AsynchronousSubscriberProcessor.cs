using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Processors;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Subscribers;

/// <summary>
/// The tracked processor of one asynchronous subscriber class. The subscriber is resolved in a fresh
/// scope per event. A <see cref="Replay.DisallowReplayAttribute"/> subscriber is not called for replayed
/// events; the checkpoint moves past them all the same.
/// </summary>
public sealed class AsynchronousSubscriberProcessor(AsynchronousSubscriberDefinition definition, IServiceScopeFactory scopes, IProcessorStore store)
    : SequentialProcessor(definition.ProcessorName, store)
{
    public AsynchronousSubscriberDefinition Definition => definition;

    protected override bool Handles(IDomainEvent domainEvent) => definition.Handles(domainEvent.EventType);

    protected override async Task HandleAsync(IDomainEvent domainEvent, bool isReplay, CancellationToken cancellationToken)
    {
        if (isReplay && definition.DisallowReplay)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var subscriber = scope.ServiceProvider.GetRequiredService(definition.Type);
        await definition.InvokeAsync(subscriber, domainEvent, cancellationToken);
    }
}

/// <summary>
/// Offers a processor per registered asynchronous subscriber class. The processor store is looked up
/// only when processors are asked for: a storage provider registers it, and an application without a
/// processor host (no store) must still start.
/// </summary>
public sealed class AsynchronousSubscriberSource(IEnumerable<IAsynchronousSubscription> subscriptions, IServiceScopeFactory scopes, IServiceProvider services)
    : ITrackedProcessorSource
{
    public Task<IReadOnlyList<ITrackedProcessor>> GetProcessorsAsync(CancellationToken cancellationToken)
    {
        var list = subscriptions.ToList();
        var store = list.Count == 0 ? null : services.GetRequiredService<IProcessorStore>();
        return Task.FromResult<IReadOnlyList<ITrackedProcessor>>(list
            .Select(s => new AsynchronousSubscriberProcessor(s.Definition, scopes, store!) { ErrorPolicy = s.Definition.ErrorPolicy })
            .ToList<ITrackedProcessor>());
    }
}

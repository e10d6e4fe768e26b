using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Jobs;
using EventFlowApp.Kernel.Processors;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Sagas;

/// <summary>The tracked processor of one saga type, named <c>saga:&lt;saga name&gt;</c>.</summary>
public sealed class SagaProcessor(ISagaRunner runner, IProcessorStore store) : SequentialProcessor(runner.Definition.ProcessorName, store)
{
    protected override bool Handles(IDomainEvent domainEvent) => runner.Definition.Handles(domainEvent.EventType);

    protected override Task HandleAsync(IDomainEvent domainEvent, bool isReplay, CancellationToken cancellationToken) =>
        runner.HandleAsync(domainEvent, isReplay, cancellationToken);
}

/// <summary>Offers a processor per registered saga type (the store is looked up late, as in <see cref="Subscribers.AsynchronousSubscriberSource"/>).</summary>
public sealed class SagaProcessorSource(IEnumerable<ISagaRunner> runners, IServiceProvider services) : ITrackedProcessorSource
{
    public Task<IReadOnlyList<ITrackedProcessor>> GetProcessorsAsync(CancellationToken cancellationToken)
    {
        var list = runners.ToList();
        var store = list.Count == 0 ? null : services.GetRequiredService<IProcessorStore>();
        return Task.FromResult<IReadOnlyList<ITrackedProcessor>>(list.Select(r => new SagaProcessor(r, store!)).ToList<ITrackedProcessor>());
    }
}

/// <summary>Delivers a saga's timeout; its job id is the timeout id, so it is queued once.</summary>
[JobName("saga-timeout", 1)]
public sealed record SagaTimeoutJob(string Saga, string SagaId, string TimeoutId);

public sealed class SagaTimeoutJobHandler(IEnumerable<ISagaRunner> runners) : IJobHandler<SagaTimeoutJob>
{
    public Task ExecuteAsync(SagaTimeoutJob job, CancellationToken cancellationToken)
    {
        var runner = runners.FirstOrDefault(r => r.Definition.Name == job.Saga)
            ?? throw new InvalidOperationException($"No saga named '{job.Saga}' is registered; timeout {job.TimeoutId} cannot be delivered.");
        return runner.DeliverTimeoutAsync(job.SagaId, job.TimeoutId, cancellationToken);
    }
}

using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Configuration;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Jobs;
using EventFlowApp.Kernel.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Sagas;

/// <summary>Runs one saga type: hands it events (from its processor) and timeouts (from jobs).</summary>
public interface ISagaRunner
{
    SagaDefinition Definition { get; }

    /// <summary>Handles an event; a replayed one is never handled again (a saga's decisions were sent already).</summary>
    Task HandleAsync(IDomainEvent domainEvent, bool isReplay, CancellationToken cancellationToken);

    /// <summary>Delivers a timeout unless it was cancelled; a delivered one is only sent again.</summary>
    Task DeliverTimeoutAsync(string sagaId, string timeoutId, CancellationToken cancellationToken);
}

/// <summary>
/// The life of a saga step: load the saga; if the trigger was handled before (its position is at or
/// below <see cref="SagaState{TState}.HandledUntil"/>, or the timeout is no longer pending) send again
/// what that step decided; else let the saga decide, store its events and the step in one commit
/// (retrying on a concurrent writer), and then send: commands with their derived source ids, timeouts
/// as jobs with their derived ids, cancellations. Sending twice therefore has one effect.
/// </summary>
public sealed class SagaRunner<TSaga, TSagaId>(
    IServiceScopeFactory scopes, IJobScheduler jobs, CommandDefinitionService commands, IJsonSerializer json, EventFlowAppOptions options)
    : ISagaRunner
    where TSaga : class, ISaga, IAggregateRoot<TSagaId>
    where TSagaId : IIdentity
{
    private readonly SagaStepWriter _writer = new(Definitions.Get(typeof(TSaga)), commands, json);

    public SagaDefinition Definition { get; } = Definitions.Get(typeof(TSaga));

    public async Task HandleAsync(IDomainEvent domainEvent, bool isReplay, CancellationToken cancellationToken)
    {
        if (isReplay || !Definition.Handles(domainEvent.EventType))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var locator = (ISagaLocator)services.GetRequiredService(Definition.LocatorType);
        if (await locator.LocateSagaAsync(domainEvent, cancellationToken) is not { } sagaId)
        {
            return;
        }

        var trigger = domainEvent.EventId.ToString("D");
        var context = new CommitContext(
            SagaIds.Step(sagaId, trigger), domainEvent.Metadata.CorrelationId ?? trigger, trigger, null, Metadata.Empty);
        await StepAsync(services, sagaId, trigger, context, async (saga, ct) =>
        {
            if (saga.HandledUntil >= domainEvent.GlobalSequenceNumber)
            {
                return false;
            }

            if (saga.IsNew && !Definition.IsStartedBy(domainEvent.EventType))
            {
                return null;
            }

            saga.BeginStep(trigger, domainEvent.GlobalSequenceNumber, null);
            await Definition.InvokeAsync(saga, domainEvent, ct);
            return true;
        }, cancellationToken);
    }

    public async Task DeliverTimeoutAsync(string sagaId, string timeoutId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = new CommitContext(SagaIds.Step(sagaId, timeoutId), sagaId, timeoutId, null, Metadata.Empty);
        await StepAsync(scope.ServiceProvider, sagaId, timeoutId, context, async (saga, ct) =>
        {
            if (!saga.Timeouts.TryGetValue(timeoutId, out var pending))
            {
                // Delivered before (its step is sent again) or cancelled (there is no step: nothing happens).
                return false;
            }

            saga.BeginStep(timeoutId, null, timeoutId);
            await Definition.InvokeTimeoutAsync(saga, _writer.ReadTimeout(pending), ct);
            return true;
        }, cancellationToken);
    }

    /// <param name="decide">Returns true when the saga decided (a step is open), false when the trigger was handled before, null to ignore it.</param>
    private async Task StepAsync(
        IServiceProvider services, string sagaIdValue, string trigger, CommitContext context, Func<TSaga, CancellationToken, Task<bool?>> decide,
        CancellationToken cancellationToken)
    {
        var id = (TSagaId)IdentityFactory.Create(typeof(TSagaId), sagaIdValue);
        var store = services.GetRequiredService<IAggregateStore>();
        for (var attempt = 1; ; attempt++)
        {
            var saga = await store.LoadAsync<TSaga, TSagaId>(id, cancellationToken);
            var decided = await decide(saga, cancellationToken);
            if (decided is null)
            {
                return;
            }

            if (decided == false)
            {
                await SendAgainAsync(services, saga, id, trigger, cancellationToken);
                return;
            }

            if (saga.EndStep(_writer) is not { } step)
            {
                return;
            }

            try
            {
                await store.StoreAsync([saga], context, cancellationToken);
            }
            catch (OptimisticConcurrencyException) when (attempt < options.ConcurrencyRetries)
            {
                // A timeout and an event reached the same saga at once: decide again on the newer state.
                continue;
            }

            await SendAsync(services, saga, step, cancellationToken);
            return;
        }
    }

    /// <summary>A trigger delivered again after its step was stored: the sending may have been cut short, so send again.</summary>
    private async Task SendAgainAsync(IServiceProvider services, TSaga saga, TSagaId id, string trigger, CancellationToken cancellationToken)
    {
        var stream = await services.GetRequiredService<IEventStore>().LoadEventsAsync<TSaga, TSagaId>(id, cancellationToken);
        var step = stream.Select(e => e.GetAggregateEvent()).OfType<ISagaStepEvent>().LastOrDefault(s => s.Step.TriggerId == trigger)?.Step;
        if (step is not null)
        {
            await SendAsync(services, saga, step, cancellationToken);
        }
    }

    private async Task SendAsync(IServiceProvider services, TSaga saga, SagaStep step, CancellationToken cancellationToken)
    {
        var bus = services.GetRequiredService<ICommandBus>();
        foreach (var stored in step.Commands)
        {
            var result = await bus.PublishAsync(commands.Load(stored), cancellationToken);
            if (!result.IsSuccess)
            {
                throw new SagaCommandRefusedException(Definition.Name, saga.GetIdentity().Value, stored, result.Errors);
            }
        }

        foreach (var cancelled in step.TimeoutsCancelled)
        {
            await jobs.CancelAsync(cancelled, cancellationToken);
        }

        // Only timeouts still pending: one requested here may have been cancelled or delivered since.
        foreach (var timeout in step.TimeoutsRequested.Where(t => saga.Timeouts.ContainsKey(t.TimeoutId)))
        {
            await jobs.ScheduleAsync(new SagaTimeoutJob(Definition.Name, saga.GetIdentity().Value, timeout.TimeoutId), timeout.DueAt, timeout.TimeoutId, cancellationToken);
        }
    }
}

/// <summary>A command a saga decided on was refused (a failed result); the saga's processor or timeout job fails with it.</summary>
public sealed class SagaCommandRefusedException(string saga, string sagaId, StoredCommand command, IReadOnlyList<string> errors)
    : InvalidOperationException($"Saga {saga} {sagaId}: command {command} was refused: {string.Join("; ", errors)}");

/// <summary>Definitions are pure functions of the type; read once.</summary>
internal static class Definitions
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, SagaDefinition> Cache = new();

    public static SagaDefinition Get(Type sagaType) => Cache.GetOrAdd(sagaType, SagaDefinition.For);
}

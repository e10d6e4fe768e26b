using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Events;

namespace EventFlowApp.Kernel.ReadModels;

/// <summary>
/// Marks a read model: a plain class with a public parameterless constructor and public settable
/// properties, named by <see cref="ReadModelAttribute"/>. Its rows are keyed by a read-model id (see
/// <see cref="IReadModelLocator"/>) and a generation (see <see cref="ReadModelGeneration"/>).
/// </summary>
public interface IReadModel;

/// <summary>
/// The read model folds <typeparamref name="TEvent"/> into itself. <c>Apply</c> is synchronous on
/// purpose: a read model is a pure function of the events, so a replay gives the same rows every time.
/// It must not call anything outside itself; what it needs from the outside (an exchange rate) is
/// recorded in the event.
/// </summary>
public interface IAmReadModelFor<TAggregate, TIdentity, in TEvent> : IReadModel
    where TAggregate : IAggregateRoot<TIdentity>
    where TIdentity : IIdentity
    where TEvent : IAggregateEvent<TAggregate, TIdentity>
{
    void Apply(IReadModelContext context, IDomainEvent<TAggregate, TIdentity, TEvent> domainEvent);
}

/// <summary>What a read model knows while it applies an event.</summary>
public interface IReadModelContext
{
    /// <summary>The id of the row being updated (from the locator).</summary>
    string ReadModelId { get; }

    /// <summary>True when the row did not exist before this event (in this generation).</summary>
    bool IsNew { get; }

    /// <summary>Removes the row once the batch is stored; a later event for the same id starts a new row.</summary>
    void MarkForDeletion();
}

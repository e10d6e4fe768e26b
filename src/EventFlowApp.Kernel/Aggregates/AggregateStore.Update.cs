using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.EventStores;

namespace EventFlowApp.Kernel.Aggregates;

public sealed partial class AggregateStore
{
    public async Task<TResult> UpdateAsync<TAggregate, TIdentity, TResult>(
        TIdentity id, AggregateUpdate request, Func<TAggregate, CancellationToken, Task<TResult>> update, CancellationToken cancellationToken)
        where TAggregate : IAggregateRoot<TIdentity>
        where TIdentity : IIdentity
        where TResult : ExecutionResult
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Context.SourceId);
        if (await FindPreviousResultAsync<TResult>(id, request, cancellationToken) is { } previous)
        {
            return previous;
        }

        for (var attempt = 1; ; attempt++)
        {
            var unitOfWork = new UnitOfWork(this, _persistence);
            var aggregate = await unitOfWork.LoadAsync<TAggregate, TIdentity>(id, cancellationToken);
            CheckExpectation(aggregate, request);
            TResult result;
            using (unitOfWork.Enter())
            {
                result = await update(aggregate, cancellationToken);
            }

            if (!result.IsSuccess)
            {
                // A refused command wrote nothing and is not remembered: it may be sent again once fixed.
                return result;
            }

            var record = new CommandRecord(
                request.Context.SourceId, request.OperationName, aggregate.Name, id.Value,
                _json.Serialize(result, result.GetType()), _serializer.Now().UtcDateTime);
            try
            {
                await CommitAsync(unitOfWork.Aggregates, request.Context, record, cancellationToken);
                return result;
            }
            catch (OptimisticConcurrencyException e)
            {
                if (attempt > _options.ConcurrencyRetries)
                {
                    throw new OptimisticConcurrencyException(
                        $"{request.OperationName} on {id.Value} conflicted with other writers {attempt} times; gave up. " +
                        "Nothing of it was stored; send it again.", e);
                }

                await Task.Delay(RetryDelay(attempt), cancellationToken);
            }
            catch (DuplicateCommandException)
            {
                // Another node applied the same source id between our check and our commit.
                return await FindPreviousResultAsync<TResult>(id, request, cancellationToken)
                    ?? throw new InvalidOperationException($"Command {request.Context.SourceId} is recorded but cannot be read back.");
            }
        }
    }

    private async Task<TResult?> FindPreviousResultAsync<TResult>(IIdentity id, AggregateUpdate request, CancellationToken cancellationToken)
        where TResult : ExecutionResult
    {
        var record = await _persistence.GetCommandAsync(request.Context.SourceId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        // A source id names one command on one aggregate; anything else reusing it is a caller's bug,
        // and answering "duplicate" would silently drop the second command.
        if (record.AggregateId != id.Value || record.CommandName != request.OperationName)
        {
            throw new SourceIdReusedException(
                $"Source id {record.SourceId} was already used by {record.CommandName} on {record.AggregateId}; " +
                $"it cannot be reused for {request.OperationName} on {id.Value}.");
        }

        var result = (TResult)_json.Deserialize(record.ResultJson, typeof(TResult));
        return (TResult)result.AsDuplicate();
    }

    private static void CheckExpectation(IAggregateRoot aggregate, AggregateUpdate request)
    {
        switch (request.Expectation)
        {
            case AggregateExpectation.Existing when aggregate.IsNew:
                throw new AggregateNotFoundException(aggregate.GetIdentity().Value, request.OperationName);
            case AggregateExpectation.New when !aggregate.IsNew:
                throw new AggregateAlreadyExistsException(aggregate.GetIdentity().Value, request.OperationName);
        }
    }

    private TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromMilliseconds(_options.RetryBaseDelay.TotalMilliseconds * attempt * (0.5 + Random.Shared.NextDouble()));
}

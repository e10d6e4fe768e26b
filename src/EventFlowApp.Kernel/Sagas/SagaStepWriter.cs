using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Serialization;

namespace EventFlowApp.Kernel.Sagas;

/// <summary>Turns a saga's decisions into stored data: commands and timeouts by their stable names.</summary>
public sealed class SagaStepWriter(SagaDefinition definition, CommandDefinitionService commands, IJsonSerializer json)
{
    public StoredCommand Store(ICommand command) => commands.Store(command);

    public PendingTimeout Timeout(string timeoutId, string key, object timeout, DateTimeOffset dueAt)
    {
        var (name, version) = definition.TimeoutName(timeout.GetType());
        return new PendingTimeout(timeoutId, key, name, version, json.Serialize(timeout, timeout.GetType()), dueAt);
    }

    public object ReadTimeout(PendingTimeout pending) =>
        json.Deserialize(pending.Payload, definition.TimeoutType(pending.Name, pending.Version));
}

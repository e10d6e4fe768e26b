using System.Reflection;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Serialization;

namespace EventFlowApp.Kernel.Commands;

/// <summary>A command kept as data until it is sent: its stable name, version and JSON.</summary>
public sealed record StoredCommand(string Name, int Version, string Json)
{
    public override string ToString() => $"{Name} v{Version}";
}

/// <summary>
/// The commands that can be stored (those with <see cref="CommandNameAttribute"/> whose handler is
/// registered), and their round trip to <see cref="StoredCommand"/>.
/// </summary>
public sealed class CommandDefinitionService(IJsonSerializer json)
{
    private readonly StoredNameRegistry<(Type Type, string Name, int Version)> _names = new("command");

    public IReadOnlyCollection<Type> All => _names.Types;

    /// <summary>Registers a command type if it carries a <see cref="CommandNameAttribute"/>; others cannot be stored.</summary>
    public void Register(Type commandType)
    {
        if (_names.Contains(commandType) || commandType.GetCustomAttribute<CommandNameAttribute>() is not { } attribute)
        {
            return;
        }

        _names.Add(commandType, attribute.Name, attribute.Version, (commandType, attribute.Name, attribute.Version));
    }

    public StoredCommand Store(ICommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var type = command.GetType();
        if (!_names.TryGet(type, out var definition))
        {
            throw new InvalidOperationException(
                $"{type.Name} cannot be stored to be sent later: it needs [CommandName(\"name\", n)] and a registered handler.");
        }

        return new StoredCommand(definition.Name, definition.Version, json.Serialize(command, type));
    }

    public ICommand Load(StoredCommand stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return _names.TryGet(stored.Name, stored.Version, out var definition)
            ? (ICommand)json.Deserialize(stored.Json, definition.Type)
            : throw new InvalidOperationException($"No command named {stored} is registered; it cannot be sent.");
    }
}

using System.Reflection;
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
    private readonly Dictionary<Type, CommandNameAttribute> _byType = [];
    private readonly Dictionary<(string Name, int Version), Type> _byName = [];

    public IReadOnlyCollection<Type> All => _byType.Keys;

    /// <summary>Registers a command type if it carries a <see cref="CommandNameAttribute"/>; others cannot be stored.</summary>
    public void Register(Type commandType)
    {
        if (_byType.ContainsKey(commandType) || commandType.GetCustomAttribute<CommandNameAttribute>() is not { } attribute)
        {
            return;
        }

        if (_byName.TryGetValue((attribute.Name, attribute.Version), out var other))
        {
            throw new ArgumentException($"{commandType.FullName} and {other.FullName} both claim command {attribute.Name} v{attribute.Version}.", nameof(commandType));
        }

        _byType.Add(commandType, attribute);
        _byName.Add((attribute.Name, attribute.Version), commandType);
    }

    public StoredCommand Store(ICommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var type = command.GetType();
        if (!_byType.TryGetValue(type, out var attribute))
        {
            throw new InvalidOperationException(
                $"{type.Name} cannot be stored to be sent later: it needs [CommandName(\"name\", n)] and a registered handler.");
        }

        return new StoredCommand(attribute.Name, attribute.Version, json.Serialize(command, type));
    }

    public ICommand Load(StoredCommand stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return _byName.TryGetValue((stored.Name, stored.Version), out var type)
            ? (ICommand)json.Deserialize(stored.Json, type)
            : throw new InvalidOperationException($"No command named {stored} is registered; it cannot be sent.");
    }
}

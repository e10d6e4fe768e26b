using System.Text.Json;

namespace EventFlowApp.Kernel.Serialization;

/// <summary>The one JSON format for events, metadata, snapshots and command results.</summary>
public interface IJsonSerializer
{
    JsonSerializerOptions Options { get; }

    string Serialize(object value, Type type);

    object Deserialize(string json, Type type);
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventFlowApp.Kernel.Serialization;

/// <summary>
/// System.Text.Json with camelCase names, enums as strings (renaming an enum's number never changes
/// stored data) and decimals written exactly as they are.
/// </summary>
public sealed class SystemTextJsonSerializer : IJsonSerializer
{
    public SystemTextJsonSerializer()
    {
        Options = CreateOptions();
    }

    public JsonSerializerOptions Options { get; }

    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Keep non-ASCII text as written (names in any script) rather than \u-escaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.Strict,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new IdentityJsonConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public string Serialize(object value, Type type) => JsonSerializer.Serialize(value, type, Options);

    public object Deserialize(string json, Type type) =>
        JsonSerializer.Deserialize(json, type, Options)
        ?? throw new JsonException($"'null' is not a valid {type.Name}.");
}

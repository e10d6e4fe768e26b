using System.Text.Json;
using System.Text.Json.Serialization;
using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Kernel.Serialization;

/// <summary>Writes identities as their plain string value and validates them when read.</summary>
public sealed class IdentityJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeof(IIdentity).IsAssignableFrom(typeToConvert) && !typeToConvert.IsAbstract && !typeToConvert.IsInterface;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(IdentityConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class IdentityConverter<T> : JsonConverter<T>
        where T : IIdentity
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetString() ?? throw new JsonException($"A {typeof(T).Name} cannot be null.");
            try
            {
                return (T)IdentityFactory.Create(typeof(T), value);
            }
            catch (ArgumentException e)
            {
                throw new JsonException(e.Message, e);
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}

using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerTools.Json;

/// <summary>
/// Flags that the services' schemas call strings but send as booleans, or the other way round:
/// <c>true</c>, <c>"true"</c>, <c>1</c> are all true; null is false.
/// </summary>
internal sealed class LenientBooleanConverter : JsonConverter<bool>
{
    public override bool HandleNull => true;

    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False or JsonTokenType.Null => false,
            JsonTokenType.String when bool.TryParse(reader.GetString(), out bool value) => value,
            JsonTokenType.Number when reader.TryGetInt64(out long number) && number is 0 or 1 => number == 1,
            _ => throw new JsonException($"expected a true/false flag, found {reader.TokenType}"),
        };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}

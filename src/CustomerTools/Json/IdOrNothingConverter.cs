using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerTools.Json;

/// <summary>
/// An id a service documents as a string but whose shape is unconfirmed (a Kustomer customer's
/// <c>company</c>, docs/api/related.md §2): a string or number is the id; anything else (an object,
/// an array) is skipped as no id, rather than failing the whole answer.
/// </summary>
internal sealed class IdOrNothingConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString() is { Length: > 0 } id ? id : null;
            case JsonTokenType.Number:
                return reader.TryGetInt64(out long number) ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

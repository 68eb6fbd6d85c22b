using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerTools.Json;

/// <summary>
/// Reads a free-form JSON object (Kustomer's custom attributes) into a <see cref="PSObject"/> of
/// plain .NET values, in the service's order: text, whole numbers as long, others as double,
/// flags, nulls, nested objects as PSObjects, arrays as object[]. Nothing JSON-typed survives.
/// A service's own conventions for its top-level members go in <see cref="TopLevelValue"/>.
/// </summary>
internal class PlainObjectConverter : JsonConverter<PSObject?>
{
    public override PSObject? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.StartObject
            ? ReadObject(ref reader, topLevel: true)
            : throw new JsonException($"expected an object, found {reader.TokenType}");

    public override void Write(Utf8JsonWriter writer, PSObject? value, JsonSerializerOptions options) =>
        throw new NotSupportedException();

    /// <summary>The value kept for top-level member <paramref name="name"/>; as read by default.</summary>
    protected virtual object? TopLevelValue(string name, object? value) => value;

    private PSObject ReadObject(ref Utf8JsonReader reader, bool topLevel)
    {
        var result = new PSObject();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString()!;
            reader.Read();
            object? value = ReadValue(ref reader);
            if (topLevel)
            {
                value = TopLevelValue(name, value);
            }

            // Duplicate keys (PowerShell's names ignore case): the last one wins, as in JavaScript.
            if (names.Add(name))
            {
                result.Properties.Add(new PSNoteProperty(name, value));
            }
            else
            {
                result.Properties[name].Value = value;
            }
        }

        return result;
    }

    private object? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.TryGetInt64(out long whole) ? (object)whole : reader.GetDouble();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.StartObject:
                return ReadObject(ref reader, topLevel: false);
            case JsonTokenType.StartArray:
                var items = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader));
                }

                return items.ToArray();
            default:
                return null;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CustomerTools.Json;

/// <summary>A member that is one object in some answers and an array of them in others.</summary>
internal sealed class OneOrManyConverter<T> : JsonConverter<List<T>>
{
    public override List<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var itemInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var items = new List<T>();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                items.Add(JsonSerializer.Deserialize(ref reader, itemInfo)!);
            }
        }
        else if (reader.TokenType == JsonTokenType.StartObject)
        {
            items.Add(JsonSerializer.Deserialize(ref reader, itemInfo)!);
        }
        else if (reader.TokenType != JsonTokenType.Null)
        {
            throw new JsonException($"expected an object or an array, found {reader.TokenType}");
        }

        return items;
    }

    public override void Write(Utf8JsonWriter writer, List<T> value, JsonSerializerOptions options) =>
        throw new NotSupportedException();
}

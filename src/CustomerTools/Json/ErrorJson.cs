using System;
using System.Text.Json;

namespace CustomerTools.Json;

/// <summary>What both services' error readers share: a small JSON object and its text members.</summary>
internal static class ErrorJson
{
    /// <summary>Hands the body's top-level object to <paramref name="read"/>; null when it is not an object.</summary>
    public static string? Read(byte[] body, Func<JsonElement, string?> read)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.ValueKind == JsonValueKind.Object ? read(document.RootElement) : null;
    }

    /// <summary>The text of member <paramref name="name"/>, when it is text.</summary>
    public static string? Text(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

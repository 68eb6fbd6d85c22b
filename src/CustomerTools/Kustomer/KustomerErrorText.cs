using System.Text.Json;
using CustomerTools.Http;

namespace CustomerTools.Kustomer;

/// <summary>
/// Reads Kustomer's error bodies (api notes §6): <c>{"errors":[{message|detail|title…}]}</c>, or
/// <c>{"error":…,"message":…}</c> from some routes. Anything else gives no text.
/// </summary>
internal static class KustomerErrorText
{
    public static ServiceProfile Profile(string region) => new(
        "Kustomer",
        Read,
        $"Check that the API key is valid, not expired, allowed from this address, and made in this org's region ({region}: see -Region); then run Connect-Kustomer again.",
        "Give the API key a role that may read customers (org.permission.customer.read), then run Connect-Kustomer again.");

    public static string? Read(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (root.TryGetProperty("errors", out JsonElement errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            JsonElement first = errors[0];
            return Text(first, "message") ?? Text(first, "detail") ?? Text(first, "title") ?? Text(first, "code");
        }

        return Text(root, "message") ?? Text(root, "error");
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

using System.Text.Json;
using CustomerTools.Http;
using CustomerTools.Json;

namespace CustomerTools.Kustomer;

/// <summary>
/// Reads Kustomer's error bodies (docs/api/kustomer.md §6): <c>{"errors":[{message|detail|title…}]}</c>, or
/// <c>{"error":…,"message":…}</c> from some routes. Anything else gives no text.
/// </summary>
internal static class KustomerProfile
{
    public static ServiceProfile Profile(string region) => new(
        "Kustomer",
        Read,
        $"Check that the API key is valid, not expired, allowed from this address, and made in this org's region ({region}: see -Region); then run Connect-Kustomer again.",
        "Give the API key a role that may read customers (org.permission.customer.read), then run Connect-Kustomer again.");

    public static string? Read(byte[] body) => ErrorJson.Read(body, root =>
    {
        if (root.TryGetProperty("errors", out JsonElement errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            JsonElement first = errors[0];
            return first.Text("message") ?? first.Text("detail") ?? first.Text("title") ?? first.Text("code");
        }

        return root.Text("message") ?? root.Text("error");
    });
}

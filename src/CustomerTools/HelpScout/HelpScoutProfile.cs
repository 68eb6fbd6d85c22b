using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CustomerTools.Http;
using CustomerTools.Json;

namespace CustomerTools.HelpScout;

/// <summary>
/// Reads Help Scout's error bodies: <c>application/vnd.error+json</c> with its field errors
/// (docs/api/helpscout.md §6), and the OAuth shape of the token endpoint (<c>error</c>, <c>error_description</c>).
/// </summary>
internal static class HelpScoutProfile
{
    public static readonly ServiceProfile Profile = new(
        "Help Scout",
        Read,
        "Check the App ID and App Secret (Help Scout: Your Profile > My Apps; the app's user must be active), or get a new access token; then run Connect-HelpScout again.",
        "The API may be off for this account, its plan may lack the feature, or billing may need attention; check the account in Help Scout.");

    public static string? Read(byte[] body) => ErrorJson.Read(body, root =>
    {
        if (root.Text("error") is { } oauthError)
        {
            return root.Text("error_description") is { } description ? $"{oauthError}: {description}" : oauthError;
        }

        var parts = new List<string>();
        if (root.Text("message") is { } message)
        {
            parts.Add(message);
        }

        if (root.TryGetProperty("_embedded", out JsonElement embedded) && embedded.ValueKind == JsonValueKind.Object
            && embedded.TryGetProperty("errors", out JsonElement errors) && errors.ValueKind == JsonValueKind.Array)
        {
            parts.AddRange(errors.EnumerateArray().Select(FieldError));
        }

        string text = string.Join("; ", parts.Where(p => p.Length > 0));
        if (root.Text("logRef") is { } logRef)
        {
            text += $" (logRef {logRef})";
        }

        return text.Length > 0 ? text : null;
    });

    private static string FieldError(JsonElement error)
    {
        string field = $"{error.Text("path")}: {error.Text("message")}".Trim(' ', ':');
        if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("rejectedValue", out JsonElement rejected) && rejected.ValueKind != JsonValueKind.Null)
        {
            field += $" (rejected {(rejected.ValueKind == JsonValueKind.String ? "'" + rejected.GetString() + "'" : rejected.GetRawText())})";
        }

        return field;
    }
}

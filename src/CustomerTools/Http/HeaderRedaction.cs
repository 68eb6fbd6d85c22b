using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Headers;
using System.Text;

namespace CustomerTools.Http;

/// <summary>
/// Formats headers for the debug stream. Credential headers are shown by name only, here and
/// nowhere else, so no caller can forget to redact them.
/// </summary>
internal static class HeaderRedaction
{
    public const string Redacted = "[redacted]";

    private static readonly HashSet<string> Secret = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key",
    };

    public static string Format(string title, params HttpHeaders?[] headerSets)
    {
        var text = new StringBuilder(title);
        foreach (var pair in headerSets.Where(h => h is not null).SelectMany(h => h!))
        {
            text.Append("\n  ").Append(pair.Key).Append(": ");
            if (Secret.Contains(pair.Key))
            {
                // Keep the scheme: "Bearer [redacted]" still tells which kind of credential went out.
                string value = pair.Value.FirstOrDefault() ?? string.Empty;
                int space = value.IndexOf(' ');
                text.Append(space > 0 ? value.Substring(0, space + 1) : string.Empty).Append(Redacted);
            }
            else
            {
                // Product headers list their parts with spaces, the others with commas.
                text.Append(string.Join(pair.Key is "User-Agent" or "Server" ? " " : ", ", pair.Value));
            }
        }

        return text.ToString();
    }
}

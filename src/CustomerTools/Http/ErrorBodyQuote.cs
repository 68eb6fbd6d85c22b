using System;
using System.Text;
using System.Text.Json;

namespace CustomerTools.Http;

/// <summary>
/// What a service's error body says, for messages: the service's own error shape when the body is
/// JSON (read by its <see cref="ServiceProfile"/>: vnd.error messages and field errors, OAuth
/// <c>error_description</c>…), else the words of an HTML or plain-text page (a proxy's, a
/// gateway's). Always scrubbed, then capped: the scrubber sees the whole text first.
/// </summary>
internal static class ErrorBodyQuote
{
    /// <summary>Error bodies beyond this are read only in part.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private const int MaxLength = 500;
    private const int MaxPageLength = 200;

    /// <summary>The text of a body, or null when it has none worth quoting.</summary>
    public static string? From(byte[] body, bool truncated, string? mediaType, ServiceProfile profile, SecretScrubber scrubber)
    {
        if (body.Length == 0)
        {
            return null;
        }

        string type = mediaType?.ToLowerInvariant() ?? string.Empty;
        char first = FirstCharacter(body);
        bool json = type.Contains("json") || (type.Length == 0 && first is '{' or '[');
        if (json && first is '{' or '[')
        {
            string? text = ReadJson(body, profile);
            return text is null ? null : scrubber.ScrubAndCut(text, MaxLength, truncated: false);
        }

        string page = Encoding.UTF8.GetString(body);
        if (type.Contains("html") || ((type.Length == 0 || json) && first == '<'))
        {
            return Quote(HtmlWords.FromHtml(page), truncated, scrubber);
        }

        return type.Length == 0 || type.StartsWith("text/", StringComparison.Ordinal) ? Quote(HtmlWords.Collapse(page), truncated, scrubber) : null;
    }

    private static string? Quote(string text, bool truncated, SecretScrubber scrubber) =>
        text.Length == 0 ? null : scrubber.ScrubAndCut(text, MaxPageLength, truncated);

    private static string? ReadJson(byte[] body, ServiceProfile profile)
    {
        try
        {
            return profile.ReadErrorText(body);
        }
        catch (JsonException)
        {
            // Cut off or not JSON after all: the status code still tells what happened.
            return null;
        }
    }

    private static char FirstCharacter(byte[] body)
    {
        foreach (byte b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF))
            {
                return (char)b;
            }
        }

        return '\0';
    }
}

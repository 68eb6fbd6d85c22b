using System;
using System.Collections.Generic;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CustomerTools.ApiSimulator;

/// <summary>
/// An answer a test scripts for matching requests, ahead of the simulated service: a status, body
/// and headers, a delay, or a broken answer (dropped connection, stalled or truncated body).
/// Body, reason phrase and header values may echo the request, as proxies and careless services
/// do: <c>{{header:Authorization}}</c> is that request header, <c>{{body}}</c> the request body as
/// sent; <c>|url</c>, <c>|form</c>, <c>|json</c> or <c>|html</c> after the name encodes it so.
/// </summary>
public sealed class ScriptedAnswer
{
    /// <summary>Matches requests of this method only; any method when null.</summary>
    public string? Method { get; set; }

    /// <summary>Matches requests whose raw path contains this text ("/v1/customers/64b…").</summary>
    public string PathContains { get; set; } = "/";

    /// <summary>How many requests it answers; null for all of them.</summary>
    public int? Times { get; set; } = 1;

    public int Status { get; set; } = 200;

    public string? Body { get; set; }

    public string ContentType { get; set; } = "application/json";

    public Dictionary<string, string> Headers { get; set; } = new();

    /// <summary>The status line's reason phrase instead of the standard one.</summary>
    public string? ReasonPhrase { get; set; }

    /// <summary>Wait this long before answering.</summary>
    public int DelayMs { get; set; }

    /// <summary>What goes wrong with the answer, if anything.</summary>
    public Breakage Breakage { get; set; }

    /// <summary>After this answer, pass the request on to the service as usual (for a delay only).</summary>
    public bool ThenServe { get; set; }
}

/// <summary>Fills the echo placeholders of a scripted answer from the request it answers.</summary>
internal static partial class Echo
{
    public static string Fill(string template, RecordedRequest request) => Placeholder().Replace(template, m =>
    {
        string value = m.Groups["name"].Value == "body" ? request.Body : request.Header(m.Groups["header"].Value) ?? string.Empty;
        return m.Groups["encoding"].Value switch
        {
            "url" => Uri.EscapeDataString(value),
            "form" => WebUtility.UrlEncode(value),
            "json" => JsonEncodedText.Encode(value).Value,
            "html" => WebUtility.HtmlEncode(value),
            _ => value,
        };
    });

    [GeneratedRegex(@"\{\{(?<name>body|header:(?<header>[A-Za-z0-9-]+))(\|(?<encoding>url|form|json|html))?\}\}")]
    private static partial Regex Placeholder();
}

public enum Breakage
{
    None,

    /// <summary>Drop the connection without answering.</summary>
    Reset,

    /// <summary>Send the headers and half the body, then stall.</summary>
    StallBody,

    /// <summary>Announce the whole body but send only half of it, then close.</summary>
    TruncateBody,
}

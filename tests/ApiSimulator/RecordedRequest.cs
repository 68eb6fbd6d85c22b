using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerTools.ApiSimulator;

/// <summary>One request as the simulator received it (GET /_sim/requests), for tests to check what really went out.</summary>
public sealed class RecordedRequest
{
    public required string Method { get; init; }

    /// <summary>The request target exactly as sent, still percent-encoded.</summary>
    public required string RawTarget { get; init; }

    /// <summary>The path without its query, still percent-encoded.</summary>
    public required string RawPath { get; init; }

    public required IReadOnlyDictionary<string, string> Query { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public string Body { get; init; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When the simulator finished with it.</summary>
    public DateTimeOffset AnsweredAt { get; set; }

    /// <summary>For lookups (<c>/v1/customers/email=…</c>): the field and its decoded value.</summary>
    public string? LookupField { get; set; }

    public string? LookupValue { get; set; }

    /// <summary>True when the client hung up before the answer was complete.</summary>
    public bool Aborted { get; set; }

    /// <summary>What the simulator answered (status code), or 0 when it dropped the connection.</summary>
    public int Status { get; set; }

    /// <summary>The headers the simulator answered with (the quota headers, a scripted answer's…).</summary>
    public IReadOnlyDictionary<string, string> ResponseHeaders { get; set; } = new Dictionary<string, string>();

    /// <summary>A request header by name, in any case (also after the record went through JSON).</summary>
    public string? Header(string name) => Find(Headers, name);

    public string? ResponseHeader(string name) => Find(ResponseHeaders, name);

    private static string? Find(IReadOnlyDictionary<string, string> headers, string name) =>
        headers.TryGetValue(name, out string? value) ? value : headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

using System.Collections.Generic;

namespace CustomerTools.ApiSimulator;

/// <summary>
/// An answer a test scripts for matching requests, ahead of the simulated service: a status, body
/// and headers, a delay, or a broken answer (dropped connection, stalled or truncated body).
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

    /// <summary>Wait this long before answering.</summary>
    public int DelayMs { get; set; }

    /// <summary>What goes wrong with the answer, if anything.</summary>
    public Breakage Breakage { get; set; }

    /// <summary>After this answer, pass the request on to the service as usual (for a delay only).</summary>
    public bool ThenServe { get; set; }
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

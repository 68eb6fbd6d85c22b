using System;
using System.Net;

namespace CustomerTools.Http;

/// <summary>How an attempt that got no answer failed.</summary>
internal enum AttemptFault
{
    /// <summary>An answer came (see <see cref="AttemptFacts.Status"/>).</summary>
    None,

    /// <summary>No connection could be made (refused, no such host): the request never left.</summary>
    NotSent,

    /// <summary>The connection broke off after the request may have been sent.</summary>
    Broken,

    /// <summary>No answer within the timeout.</summary>
    TimedOut,
}

/// <summary>What one attempt of a request met that was not a success, as the send decision needs it.</summary>
internal readonly struct AttemptFacts
{
    public HttpStatusCode? Status { get; init; }

    public AttemptFault Fault { get; init; }

    /// <summary>Where a redirect points, made absolute; null for other answers.</summary>
    public Uri? Location { get; init; }

    public RateLimitHeaders Limits { get; init; }

    public static AttemptFacts Answered(HttpStatusCode status, Uri? location, RateLimitHeaders limits) =>
        new() { Status = status, Location = location, Limits = limits };

    public static AttemptFacts Failed(AttemptFault fault) => new() { Fault = fault };
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerTools.ApiSimulator;

/// <summary>What can go wrong with an answer.</summary>
public enum FaultKind
{
    TooManyRequestsRetryAfter,
    TooManyRequestsBare,
    BadGateway,
    ServiceUnavailable,
    GatewayTimeout,
    InternalServerError,
    ConnectionReset,
    TruncatedBody,
    StalledBody,
    MalformedJson,
    HtmlErrorPage,
    WrongContentType,
    EmptyBody,
    WrongFieldTypes,
    DeeplyNested,
    HugeBody,

    /// <summary>
    /// A 429 in the service's own quota dialect, with "remaining 0" and the refill time stated:
    /// Kustomer <c>x-ratelimit-remaining: 0</c> and <c>x-ratelimit-reset</c>, Help Scout
    /// <c>X-RateLimit-Remaining-Minute: 0</c> and <c>X-RateLimit-Retry-After</c>.
    /// </summary>
    TooManyRequestsQuotaUsedUp,
}

/// <summary>
/// Faults spread over a run at random, but reproducibly: whether attempt N at a path fails, and
/// how, depends only on the seed, the path and N, never on the order concurrent requests arrive.
/// So a test can work out from the same schedule what each input should end as.
/// </summary>
public sealed class FaultSchedule
{
    /// <summary>The Retry-After of <see cref="FaultKind.TooManyRequestsRetryAfter"/>.</summary>
    public const int RetryAfterSeconds = 2;

    /// <summary>The refill time <see cref="FaultKind.TooManyRequestsQuotaUsedUp"/> states.</summary>
    public const int QuotaRefillSeconds = 3;

    public int Seed { get; set; } = 1;

    /// <summary>The share of attempts that meet a fault, from 0 to 1.</summary>
    public double Rate { get; set; } = 0.3;

    public List<FaultKind> Kinds { get; set; } = Enum.GetValues<FaultKind>().ToList();

    /// <summary>Which paths it applies to (raw path contains this).</summary>
    public string PathContains { get; set; } = "/customers/";

    public FaultKind? FaultFor(string rawPath, int attempt)
    {
        if (!rawPath.Contains(PathContains, StringComparison.Ordinal) || Kinds.Count == 0)
        {
            return null;
        }

        var random = new Random(StableHash(Seed, rawPath, attempt));
        return random.NextDouble() < Rate ? Kinds[random.Next(Kinds.Count)] : null;
    }

    // FNV-1a: string.GetHashCode differs between processes, and the schedule must not.
    private static int StableHash(int seed, string text, int attempt)
    {
        unchecked
        {
            uint hash = 2166136261;
            foreach (char c in $"{seed}|{text}|{attempt}")
            {
                hash = (hash ^ c) * 16777619;
            }

            return (int)hash;
        }
    }
}

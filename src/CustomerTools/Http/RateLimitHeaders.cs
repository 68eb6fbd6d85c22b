using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;

namespace CustomerTools.Http;

/// <summary>
/// The rate-limit headers of both services, read in one place because their units are partly
/// unconfirmed (docs/api/kustomer.md and helpscout.md §7): Kustomer <c>x-ratelimit-limit/-remaining/-reset</c>, Help Scout
/// <c>X-RateLimit-Limit-Minute/-Remaining-Minute/-Retry-After</c>, and the standard <c>Retry-After</c>.
/// No time read here lies further ahead than <see cref="RetryPolicy.MaxWait"/>.
/// </summary>
internal readonly struct RateLimitHeaders
{
    // A reset value above this is a Unix time in seconds, below it a number of seconds to wait.
    private const double EpochThreshold = 1e9;
    private const string HelpScoutRetryAfter = "X-RateLimit-Retry-After";

    public int? Limit { get; init; }

    public int? Remaining { get; init; }

    /// <summary>When the quota refills, if the service said (<c>x-ratelimit-reset</c>).</summary>
    public DateTimeOffset? ResetAt { get; init; }

    /// <summary>When the service asks to be called again (Retry-After or X-RateLimit-Retry-After), and which header said so.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    public string? RetryAtSource { get; init; }

    /// <summary>
    /// When the quota refills as the service stated it, for the pacer: on a 429 the time it asks to
    /// be called again (else its reset); on other answers the reset, or Help Scout's
    /// X-RateLimit-Retry-After, which counts the seconds until the refill. A 5xx's Retry-After
    /// is about the service's health, not the quota, so it is not a refill time.
    /// </summary>
    public DateTimeOffset? RefillAt { get; init; }

    public static RateLimitHeaders Read(HttpResponseMessage response, DateTimeOffset now)
    {
        HttpResponseHeaders headers = response.Headers;
        DateTimeOffset? resetAt = ReadSeconds(headers, "x-ratelimit-reset", now);
        DateTimeOffset? helpScoutRetryAt = ReadSeconds(headers, HelpScoutRetryAfter, now);
        DateTimeOffset? retryAt = ReadRetryAfter(headers, now);
        string? source = retryAt is null ? null : "Retry-After";
        if (retryAt is null && helpScoutRetryAt is not null)
        {
            retryAt = helpScoutRetryAt;
            source = HelpScoutRetryAfter;
        }

        return new RateLimitHeaders
        {
            Limit = ReadInt(headers, "x-ratelimit-limit") ?? ReadInt(headers, "X-RateLimit-Limit-Minute"),
            Remaining = ReadInt(headers, "x-ratelimit-remaining") ?? ReadInt(headers, "X-RateLimit-Remaining-Minute"),
            ResetAt = resetAt,
            RetryAt = retryAt,
            RetryAtSource = source,
            RefillAt = response.StatusCode == (HttpStatusCode)429 ? retryAt ?? resetAt : resetAt ?? helpScoutRetryAt,
        };
    }

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static int? ReadInt(HttpResponseHeaders headers, string name) =>
        int.TryParse(First(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= 0 ? value : null;

    private static DateTimeOffset? ReadSeconds(HttpResponseHeaders headers, string name, DateTimeOffset now)
    {
        if (!double.TryParse(First(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value >= 0) || double.IsInfinity(value))
        {
            return null;
        }

        return Capped(value > EpochThreshold
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Min(value * 1000, DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()))
            : now + TimeSpan.FromSeconds(value), now);
    }

    // Retry-After is either a number of seconds or an HTTP date (RFC 9110 §10.2.3).
    private static DateTimeOffset? ReadRetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        RetryConditionHeaderValue? value;
        try
        {
            value = headers.RetryAfter;
        }
        catch (FormatException)
        {
            return null;
        }

        if (value?.Delta is { } delta && delta >= TimeSpan.Zero)
        {
            return Capped(now + (delta < RetryPolicy.MaxWait ? delta : RetryPolicy.MaxWait), now);
        }

        return value?.Date is { } date ? Capped(date, now) : null;
    }

    // A service asking for an hour is not waited an hour: the request fails as RateLimited instead.
    private static DateTimeOffset Capped(DateTimeOffset at, DateTimeOffset now) =>
        at > now + RetryPolicy.MaxWait ? now + RetryPolicy.MaxWait : at;
}

using System;
using System.Globalization;
using System.Linq;
using System.Net.Http.Headers;

namespace CustomerTools.Http;

/// <summary>
/// The rate-limit headers of both services, read in one place because their units are partly
/// unconfirmed (api notes §7): Kustomer <c>x-ratelimit-limit/-remaining/-reset</c>, Help Scout
/// <c>X-RateLimit-Limit-Minute/-Remaining-Minute/-Retry-After</c>, and the standard <c>Retry-After</c>.
/// </summary>
internal readonly struct RateLimitHeaders
{
    // A reset value above this is a Unix time in seconds, below it a number of seconds to wait.
    private const double EpochThreshold = 1e9;

    public int? Limit { get; init; }

    public int? Remaining { get; init; }

    /// <summary>When the quota refills, if the service said.</summary>
    public DateTimeOffset? ResetAt { get; init; }

    /// <summary>When the service asks to be called again (Retry-After or X-RateLimit-Retry-After), and which header said so.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    public string? RetryAtSource { get; init; }

    public static RateLimitHeaders Read(HttpResponseHeaders headers, DateTimeOffset now)
    {
        DateTimeOffset? resetAt = ReadSeconds(headers, "x-ratelimit-reset", now);
        DateTimeOffset? retryAt = ReadRetryAfter(headers, now);
        string? source = retryAt is null ? null : "Retry-After";
        if (retryAt is null && ReadSeconds(headers, "X-RateLimit-Retry-After", now) is { } serviceRetryAt)
        {
            retryAt = serviceRetryAt;
            source = "X-RateLimit-Retry-After";
        }

        return new RateLimitHeaders
        {
            Limit = ReadInt(headers, "x-ratelimit-limit") ?? ReadInt(headers, "X-RateLimit-Limit-Minute"),
            Remaining = ReadInt(headers, "x-ratelimit-remaining") ?? ReadInt(headers, "X-RateLimit-Remaining-Minute"),
            ResetAt = resetAt,
            RetryAt = retryAt,
            RetryAtSource = source,
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

        return value > EpochThreshold
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(value * 1000))
            : now + TimeSpan.FromSeconds(Math.Min(value, TimeSpan.FromDays(1).TotalSeconds));
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
            return now + delta;
        }

        return value?.Date;
    }
}

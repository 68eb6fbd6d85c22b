using System;
using System.Net;

namespace CustomerTools.Http;

/// <summary>
/// Which answers are worth asking again, and how long to wait first: what the service asks for
/// when it says, else exponential backoff with jitter. Every wait is capped.
/// </summary>
internal sealed class RetryPolicy
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);

    private readonly Random _random;

    public RetryPolicy(int maxRetries, Random? random = null)
    {
        MaxRetries = maxRetries;
        _random = random ?? new Random();
    }

    public int MaxRetries { get; }

    public static bool IsRetryable(HttpStatusCode status) =>
        (int)status is 429 or 502 or 503 or 504;

    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first).</summary>
    public (TimeSpan Wait, string Reason) GetWait(int retry, HttpStatusCode? status, RateLimitHeaders headers, DateTimeOffset now)
    {
        if (headers.RetryAt is { } retryAt)
        {
            return (Clamp(retryAt - now), headers.RetryAtSource!);
        }

        // The quota's refill time answers a 429, not a 5xx.
        if (status == (HttpStatusCode)429 && headers.ResetAt is { } resetAt)
        {
            return (Clamp(resetAt - now), "x-ratelimit-reset");
        }

        return (Backoff(retry), "backoff");
    }

    // "Equal jitter": half the exponential step for sure, the other half at random, so that
    // concurrent workers spread out but none retries at once.
    private TimeSpan Backoff(int retry)
    {
        double step = Math.Min(MaxWait.TotalSeconds, FirstBackoff.TotalSeconds * Math.Pow(2, Math.Min(retry - 1, 16)));
        double jitter;
        lock (_random)
        {
            jitter = _random.NextDouble();
        }

        return TimeSpan.FromSeconds((step / 2) + (step / 2 * jitter));
    }

    private static TimeSpan Clamp(TimeSpan wait) =>
        wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxWait ? MaxWait : wait;
}

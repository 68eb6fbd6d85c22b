using System;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CustomerTools.ApiSimulator;

/// <summary>
/// The quota headers each service sends, exactly as the docs/api/kustomer.md and helpscout.md (§7 of each) describe them:
/// Kustomer's <c>x-ratelimit-limit/-remaining/-reset</c> on every answer; Help Scout's
/// <c>X-RateLimit-Limit-Minute/-Remaining-Minute</c> on every answer, with no refill time on a
/// success, and <c>X-RateLimit-Retry-After</c> (whole seconds until the refill) on the 429, whose
/// remaining count is 0.
/// </summary>
internal static class QuotaHeaders
{
    public const string KustomerTooMany = """{"errors":[{"status":429,"code":"too_many_requests","title":"Too Many Requests"}]}""";
    public const string HelpScoutTooMany = """{"message":"API rate limit exceeded"}""";

    public static void Kustomer(IHeaderDictionary headers, int limit, int remaining, TimeSpan untilReset, bool resetAsUnixTime, DateTimeOffset now)
    {
        headers["x-ratelimit-limit"] = Text(limit);
        headers["x-ratelimit-remaining"] = Text(remaining);
        headers["x-ratelimit-reset"] = resetAsUnixTime
            ? Text((long)Math.Ceiling((now + untilReset).ToUnixTimeMilliseconds() / 1000.0))
            : untilReset.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
    }

    public static void HelpScout(IHeaderDictionary headers, int limit, int remaining, TimeSpan? untilRefillOn429)
    {
        headers["X-RateLimit-Limit-Minute"] = Text(limit);
        headers["X-RateLimit-Remaining-Minute"] = Text(remaining);
        if (untilRefillOn429 is { } wait)
        {
            headers["X-RateLimit-Retry-After"] = Text((long)Math.Ceiling(wait.TotalSeconds));
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}

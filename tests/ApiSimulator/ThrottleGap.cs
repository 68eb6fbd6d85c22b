using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CustomerTools.ApiSimulator;

/// <summary>
/// What a client did after a 429 the simulator sent: when the same request came again, against
/// the refill time the 429 stated (read back from the headers it carried).
/// </summary>
/// <param name="TooMany">The request answered 429.</param>
/// <param name="Retry">The next request for the same target, if any came.</param>
/// <param name="Stated">The wait the 429 stated, counted from its answer.</param>
/// <param name="Earliest">The earliest moment the 429 allowed another request, on the simulator's clock.</param>
public sealed record ThrottleGap(RecordedRequest TooMany, RecordedRequest? Retry, TimeSpan Stated, DateTimeOffset Earliest)
{
    /// <summary>From the 429's answer to the retry's arrival: the time the client let pass.</summary>
    public TimeSpan? Idle => Retry is null ? null : Retry.ReceivedAt - TooMany.AnsweredAt;

    /// <summary>Idle time ÷ stated wait (1 = exactly as asked).</summary>
    public double? Ratio => Idle is { } idle && Stated > TimeSpan.Zero ? idle / Stated : null;

    public bool CameEarly => Retry is not null && Retry.ReceivedAt < Earliest;

    /// <summary>
    /// Every 429 among <paramref name="requests"/> that stated a refill time, with its retry.
    /// Precedence as docs/api/kustomer.md §7 gives it: <c>Retry-After</c>, <c>X-RateLimit-Retry-After</c>
    /// (seconds), then <c>x-ratelimit-reset</c> (seconds, or a Unix time when above 1e9).
    /// </summary>
    public static IReadOnlyList<ThrottleGap> Of(IEnumerable<RecordedRequest> requests)
    {
        RecordedRequest[] ordered = requests.OrderBy(r => r.ReceivedAt).ToArray();
        var gaps = new List<ThrottleGap>();
        for (int i = 0; i < ordered.Length; i++)
        {
            RecordedRequest r = ordered[i];
            if (r.Status != 429 || StatedRefill(r) is not { } refill)
            {
                continue;
            }

            RecordedRequest? retry = ordered.Skip(i + 1).FirstOrDefault(n => n.RawTarget == r.RawTarget);
            gaps.Add(new ThrottleGap(r, retry, refill.Stated, refill.Earliest));
        }

        return gaps;
    }

    private static (TimeSpan Stated, DateTimeOffset Earliest)? StatedRefill(RecordedRequest r)
    {
        string? relative = r.ResponseHeader("Retry-After") ?? r.ResponseHeader("X-RateLimit-Retry-After");
        string? reset = r.ResponseHeader("x-ratelimit-reset");
        if (!double.TryParse(relative ?? reset, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            return null;
        }

        if (relative is null && value > 1e9)
        {
            var at = DateTimeOffset.FromUnixTimeMilliseconds((long)(value * 1000));
            return (at - r.AnsweredAt, at);
        }

        // Counted from when the client read it, which is after the simulator received the request.
        TimeSpan wait = TimeSpan.FromSeconds(value);
        return (wait, r.ReceivedAt + wait);
    }
}

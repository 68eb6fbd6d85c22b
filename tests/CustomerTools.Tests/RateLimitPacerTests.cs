using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using CustomerTools.Http;
using Xunit;

namespace CustomerTools.Tests;

/// <summary>Pacing: free while quota is plentiful, spread out when it runs low, stopped when it is gone.</summary>
public sealed class RateLimitPacerTests
{
    private readonly FakeClock _clock = new();
    private readonly RateLimitPacer _pacer;
    private readonly QuietLog _log = new();

    public RateLimitPacerTests()
    {
        _pacer = new RateLimitPacer(_clock);
    }

    [Fact]
    public void Without_quota_headers_nothing_waits()
    {
        for (int i = 0; i < 100; i++)
        {
            Take();
        }

        Assert.Empty(_clock.Delays);
    }

    [Fact]
    public void Plenty_of_quota_left_means_no_wait()
    {
        Observe(limit: 300, remaining: 200, resetSeconds: 30);

        for (int i = 0; i < 50; i++)
        {
            Take();
        }

        Assert.Empty(_clock.Delays);
    }

    [Fact]
    public void Low_quota_is_spread_evenly_until_the_refill()
    {
        Observe(limit: 100, remaining: 10, resetSeconds: 10);

        for (int i = 0; i < 10; i++)
        {
            Take();
        }

        // Ten requests left for ten seconds: about one a second, never a burst.
        Assert.InRange(_clock.Delays.Count, 8, 10);
        Assert.All(_clock.Delays, d => Assert.InRange(d.TotalSeconds, 0.5, 1.5));
    }

    [Fact]
    public void A_used_up_quota_waits_for_the_refill()
    {
        Observe(limit: 100, remaining: 0, resetSeconds: 12);

        Take();

        Assert.Equal(TimeSpan.FromSeconds(12), Assert.Single(_clock.Delays));
    }

    [Fact]
    public void Requests_in_flight_count_against_what_is_left()
    {
        Observe(limit: 100, remaining: 3, resetSeconds: 20);
        DateTimeOffset start = _clock.UtcNow;
        var turns = new List<IDisposable> { Take(keep: true), Take(keep: true), Take(keep: true) };

        Take();

        // Three were left and three are out: the fourth goes only once the quota refills.
        Assert.True(_clock.UtcNow - start >= TimeSpan.FromSeconds(20), $"waited {(_clock.UtcNow - start).TotalSeconds} s");
        turns.ForEach(t => t.Dispose());
    }

    [Fact]
    public void After_a_429_everyone_pauses_as_asked()
    {
        _pacer.PauseUntil(_clock.UtcNow.AddSeconds(5));

        Take();
        Take();

        Assert.Equal(TimeSpan.FromSeconds(5), Assert.Single(_clock.Delays));
    }

    [Fact]
    public void A_new_window_is_seen_from_a_later_refill_time()
    {
        Observe(limit: 100, remaining: 0, resetSeconds: 1);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Observe(limit: 100, remaining: 99, resetSeconds: 60);

        Take();

        Assert.Empty(_clock.Delays);
    }

    [Fact]
    public void Without_a_refill_time_a_minute_window_is_assumed()
    {
        ObserveAnswer(200, ("X-RateLimit-Limit-Minute", "200"), ("X-RateLimit-Remaining-Minute", "0"));

        Take();

        Assert.Equal(TimeSpan.FromSeconds(60), Assert.Single(_clock.Delays));
    }

    [Fact]
    public void After_Help_Scouts_429_the_stated_refill_ends_the_wait_not_an_assumed_minute()
    {
        Throttled(("X-RateLimit-Limit-Minute", "200"), ("X-RateLimit-Remaining-Minute", "0"), ("X-RateLimit-Retry-After", "1"));

        Take();

        Assert.Equal(TimeSpan.FromSeconds(1), Waited());
    }

    [Theory]
    [InlineData("Retry-After", "2", "x-ratelimit-remaining")]
    [InlineData("Retry-After", "2", "X-RateLimit-Remaining-Minute")]
    [InlineData("X-RateLimit-Retry-After", "2", "X-RateLimit-Remaining-Minute")]
    [InlineData("x-ratelimit-reset", "2", "x-ratelimit-remaining")]
    [InlineData("x-ratelimit-reset", "epoch+2", "x-ratelimit-remaining")]
    public void A_429s_stated_refill_is_the_windows_end_in_either_dialect_and_unit(string header, string value, string remainingHeader)
    {
        value = value.Replace("epoch+2", (_clock.UtcNow.ToUnixTimeMilliseconds() / 1000.0 + 2).ToString("0.000", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Throttled((remainingHeader, "0"), (header, value));

        Take();
        Take();

        Assert.InRange(Waited().TotalSeconds, 1.999, 2.001);
    }

    [Fact]
    public void After_a_stated_refill_a_window_without_one_is_assumed_again()
    {
        Throttled(("X-RateLimit-Remaining-Minute", "0"), ("X-RateLimit-Retry-After", "1"));
        Take();
        ObserveAnswer(200, ("X-RateLimit-Limit-Minute", "200"), ("X-RateLimit-Remaining-Minute", "0"));

        Take();

        Assert.Equal(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60) }, _clock.Delays.ToArray());
    }

    [Fact]
    public void The_assumed_window_can_be_scaled_with_a_scaled_service()
    {
        _pacer.AssumedWindow = TimeSpan.FromSeconds(2);
        ObserveAnswer(200, ("X-RateLimit-Limit-Minute", "200"), ("X-RateLimit-Remaining-Minute", "0"));

        Take();

        Assert.Equal(TimeSpan.FromSeconds(2), Assert.Single(_clock.Delays));
    }

    [Fact]
    public void A_5xxs_Retry_After_is_not_a_refill_time()
    {
        ObserveAnswer(200, ("X-RateLimit-Limit-Minute", "200"), ("X-RateLimit-Remaining-Minute", "0"));
        ObserveAnswer(503, ("X-RateLimit-Remaining-Minute", "0"), ("Retry-After", "1"));

        Take();

        Assert.Equal(TimeSpan.FromSeconds(60), Waited());
    }

    [Fact]
    public void A_refill_stated_an_hour_ahead_is_waited_no_longer_than_the_longest_retry_wait()
    {
        Throttled(("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "3600"));

        Take();

        Assert.Equal(RetryPolicy.MaxWait, Waited());
    }

    private TimeSpan Waited() => TimeSpan.FromTicks(_clock.Delays.Sum(d => d.Ticks));

    private RateLimitHeaders ObserveAnswer(int status, params (string Name, string Value)[] headers)
    {
        RateLimitHeaders read = Headers(status, _clock.UtcNow, headers);
        _pacer.Observe(read);
        return read;
    }

    /// <summary>What the HTTP layer does with a 429: observes it, then pauses the connection for the retry wait.</summary>
    private void Throttled(params (string Name, string Value)[] headers)
    {
        DateTimeOffset now = _clock.UtcNow;
        var (wait, _) = new RetryPolicy(3).GetWait(1, (HttpStatusCode)429, ObserveAnswer(429, headers), now);
        _pacer.PauseUntil(now + wait);
    }

    internal static RateLimitHeaders Headers(int status, DateTimeOffset now, params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return RateLimitHeaders.Read(response, now);
    }

    private IDisposable Take(bool keep = false)
    {
        IDisposable turn = _pacer.WaitTurnAsync(new RequestContext(_log, CancellationToken.None)).GetAwaiter().GetResult();
        if (!keep)
        {
            turn.Dispose();
        }

        return turn;
    }

    private void Observe(int limit, int remaining, double resetSeconds) =>
        ObserveAnswer(200, ("x-ratelimit-limit", Text(limit)), ("x-ratelimit-remaining", Text(remaining)), ("x-ratelimit-reset", Text(resetSeconds)));

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    internal sealed class QuietLog : IRequestLog
    {
        public bool VerboseEnabled => false;

        public bool DebugEnabled => false;

        public void Verbose(string message)
        {
        }

        public void Debug(string message)
        {
        }
    }
}

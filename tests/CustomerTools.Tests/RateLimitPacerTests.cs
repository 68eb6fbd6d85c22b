using System;
using System.Collections.Generic;
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
        using var response = new HttpResponseMessage();
        response.Headers.Add("X-RateLimit-Limit-Minute", "200");
        response.Headers.Add("X-RateLimit-Remaining-Minute", "0");
        _pacer.Observe(RateLimitHeaders.Read(response.Headers, _clock.UtcNow));

        Take();

        Assert.Equal(TimeSpan.FromSeconds(60), Assert.Single(_clock.Delays));
    }

    private IDisposable Take(bool keep = false)
    {
        IDisposable turn = _pacer.WaitTurnAsync(_log, CancellationToken.None).GetAwaiter().GetResult();
        if (!keep)
        {
            turn.Dispose();
        }

        return turn;
    }

    private void Observe(int limit, int remaining, double resetSeconds)
    {
        using var response = new HttpResponseMessage();
        response.Headers.Add("x-ratelimit-limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("x-ratelimit-remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("x-ratelimit-reset", resetSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _pacer.Observe(RateLimitHeaders.Read(response.Headers, _clock.UtcNow));
    }

    private sealed class QuietLog : IRequestLog
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

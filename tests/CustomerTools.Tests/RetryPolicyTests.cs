using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using CustomerTools.Http;
using Xunit;

namespace CustomerTools.Tests;

/// <summary>How long the HTTP layer waits before a retry: what the service asks, else backoff.</summary>
public sealed class RetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly RetryPolicy _policy = new(5, new Random(42));

    [Theory]
    [InlineData(429)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public void These_statuses_are_worth_another_try(int status) => Assert.True(RetryPolicy.IsRetryable((HttpStatusCode)status));

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(500)]
    [InlineData(501)]
    public void These_are_not(int status) => Assert.False(RetryPolicy.IsRetryable((HttpStatusCode)status));

    [Fact]
    public void Retry_After_in_seconds_is_waited_exactly()
    {
        var (wait, reason) = Wait(429, ("Retry-After", "7"));

        Assert.Equal(TimeSpan.FromSeconds(7), wait);
        Assert.Equal("Retry-After", reason);
    }

    [Fact]
    public void Retry_After_as_an_http_date_is_waited_until()
    {
        var (wait, _) = Wait(503, ("Retry-After", Now.AddSeconds(12).ToString("r", CultureInfo.InvariantCulture)));

        Assert.Equal(TimeSpan.FromSeconds(12), wait);
    }

    [Fact]
    public void Help_Scouts_retry_header_counts_when_there_is_no_Retry_After()
    {
        var (wait, reason) = Wait(429, ("X-RateLimit-Retry-After", "9"), ("X-RateLimit-Remaining-Minute", "0"));

        Assert.Equal(TimeSpan.FromSeconds(9), wait);
        Assert.Equal("X-RateLimit-Retry-After", reason);
    }

    [Theory]
    [InlineData("4", 4.0)]
    [InlineData("2.5", 2.5)]
    [InlineData("epoch+30", 30.0)]
    public void The_quota_reset_answers_a_429_in_seconds_or_as_a_unix_time(string reset, double expectedSeconds)
    {
        reset = reset.Replace("epoch+30", (Now.ToUnixTimeSeconds() + 30).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var (wait, reason) = Wait(429, ("x-ratelimit-reset", reset));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), wait);
        Assert.Equal("x-ratelimit-reset", reason);
    }

    [Fact]
    public void The_quota_reset_does_not_answer_a_5xx()
    {
        var (_, reason) = Wait(503, ("x-ratelimit-reset", "40"));

        Assert.Equal("backoff", reason);
    }

    [Fact]
    public void A_wait_the_service_asks_for_is_capped()
    {
        Assert.Equal(RetryPolicy.MaxWait, Wait(429, ("Retry-After", "3600")).Wait);
        Assert.Equal(TimeSpan.Zero, Wait(429, ("Retry-After", Now.AddSeconds(-30).ToString("r", CultureInfo.InvariantCulture))).Wait);
    }

    [Fact]
    public void Without_a_hint_the_backoff_doubles_with_jitter_and_is_capped()
    {
        for (int retry = 1; retry <= 10; retry++)
        {
            double step = Math.Min(60, Math.Pow(2, retry - 1));
            for (int sample = 0; sample < 50; sample++)
            {
                var (wait, reason) = _policy.GetWait(retry, (HttpStatusCode)502, default, Now);
                Assert.Equal("backoff", reason);
                Assert.InRange(wait.TotalSeconds, step / 2, step);
            }
        }
    }

    [Fact]
    public void Jitter_spreads_the_waits()
    {
        var waits = new System.Collections.Generic.HashSet<TimeSpan>();
        for (int i = 0; i < 20; i++)
        {
            waits.Add(_policy.GetWait(3, null, default, Now).Wait);
        }

        Assert.True(waits.Count > 10);
    }

    [Fact]
    public void Unreadable_headers_are_ignored()
    {
        var (_, reason) = Wait(429, ("Retry-After", "soon"), ("X-RateLimit-Retry-After", "-3"), ("x-ratelimit-reset", "NaN"));

        Assert.Equal("backoff", reason);
    }

    private (TimeSpan Wait, string Reason) Wait(int status, params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return _policy.GetWait(1, (HttpStatusCode)status, RateLimitHeaders.Read(response, Now), Now);
    }
}

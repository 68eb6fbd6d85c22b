using System;
using System.Threading;
using System.Threading.Tasks;
using CustomerTools.Http;
using Xunit;

namespace CustomerTools.Tests;

/// <summary>
/// What happens while the pacer waits, on a clock the test moves: a refill time the service
/// states later ends a wait for an assumed window, never earlier than it says.
/// </summary>
public sealed class RateLimitPacerWakeTests
{
    private readonly ManualClock _clock = new();
    private readonly RateLimitPacer _pacer;
    private readonly RateLimitPacerTests.QuietLog _log = new();
    private readonly DateTimeOffset _start;

    public RateLimitPacerWakeTests()
    {
        _pacer = new RateLimitPacer(_clock);
        _start = _clock.UtcNow;
    }

    [Fact]
    public async Task A_stated_refill_that_arrives_later_ends_a_wait_for_the_assumed_window()
    {
        _pacer.Observe(RateLimitPacerTests.Headers(200, _clock.UtcNow, ("X-RateLimit-Limit-Minute", "200"), ("X-RateLimit-Remaining-Minute", "0")));
        Task<IDisposable> turn = _pacer.WaitTurnAsync(new RequestContext(_log, CancellationToken.None));
        Assert.True(_clock.WaitForPending(_start.AddSeconds(60)), "the request should wait for the assumed minute");
        _clock.Advance(TimeSpan.FromSeconds(1));

        // A request still in flight comes back 429, saying the quota refills in 2 s.
        RateLimitHeaders throttled = RateLimitPacerTests.Headers(429, _clock.UtcNow, ("X-RateLimit-Remaining-Minute", "0"), ("X-RateLimit-Retry-After", "2"));
        _pacer.Observe(throttled);
        _pacer.PauseUntil(throttled.RetryAt!.Value);

        Assert.True(_clock.WaitForPending(_start.AddSeconds(3)), "the waiting request should now wait for the stated refill");
        _clock.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(await Within(turn, TimeSpan.FromMilliseconds(100)), "no request goes before the stated refill");
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(await Within(turn, TimeSpan.FromSeconds(5)));
        Assert.Equal(_start.AddSeconds(3), _clock.UtcNow);
    }

    [Fact]
    public async Task Several_waiters_all_wake_to_the_stated_refill()
    {
        _pacer.Observe(RateLimitPacerTests.Headers(200, _clock.UtcNow, ("X-RateLimit-Remaining-Minute", "0")));
        var turns = new[] { _pacer.WaitTurnAsync(new RequestContext(_log, CancellationToken.None)), _pacer.WaitTurnAsync(new RequestContext(_log, CancellationToken.None)) };
        Assert.True(SpinWait.SpinUntil(() => _clock.PendingDue.Length == 2, TimeSpan.FromSeconds(5)));

        _pacer.Observe(RateLimitPacerTests.Headers(429, _clock.UtcNow, ("X-RateLimit-Remaining-Minute", "0"), ("X-RateLimit-Retry-After", "1")));

        Assert.True(SpinWait.SpinUntil(() => _clock.PendingDue is [var a, var b] && a == _start.AddSeconds(1) && b == a, TimeSpan.FromSeconds(5)));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await Within(Task.WhenAll(turns), TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Cancelling_ends_a_pacing_wait_at_once()
    {
        _pacer.Observe(RateLimitPacerTests.Headers(200, _clock.UtcNow, ("X-RateLimit-Remaining-Minute", "0")));
        using var stop = new CancellationTokenSource();
        Task<IDisposable> turn = _pacer.WaitTurnAsync(new RequestContext(_log, stop.Token));
        Assert.True(_clock.WaitForPending(_start.AddSeconds(60)));

        stop.Cancel();

        Assert.True(await Within(turn, TimeSpan.FromSeconds(5)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => turn);
    }

    private static async Task<bool> Within(Task task, TimeSpan timeout) =>
        await Task.WhenAny(task, Task.Delay(timeout)) == task;
}

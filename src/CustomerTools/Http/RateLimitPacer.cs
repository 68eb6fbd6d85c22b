using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerTools.Http;

/// <summary>
/// Slows a connection down before it hits the service's per-minute quota, instead of bouncing off
/// 429s. Shared by every request of one connection. While plenty of quota is left, requests go at
/// once; when it runs low, the rest is spread evenly until the quota refills; when it is gone, or
/// after a 429 asked for a pause, every request waits.
/// </summary>
internal sealed class RateLimitPacer
{
    // Both services count per minute; used when a service reports no refill time (Help Scout).
    private static readonly TimeSpan AssumedWindow = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan WorthReporting = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RefillTolerance = TimeSpan.FromMilliseconds(250);

    private readonly object _gate = new();
    private int? _limit;
    private int? _remaining;
    private DateTimeOffset _resetAt;
    private bool _resetReported;
    private DateTimeOffset _pausedUntil;
    private DateTimeOffset _nextSlot;
    private int _inFlight;
    private int _sentSinceReport;

    public RateLimitPacer(IClock clock)
    {
        Clock = clock;
    }

    public IClock Clock { get; set; }

    /// <summary>Waits until a request may start; dispose the result when its answer is in.</summary>
    public async Task<IDisposable> WaitTurnAsync(IRequestLog log, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            string reason;
            lock (_gate)
            {
                (wait, reason) = NextWait(Clock.UtcNow);
                if (wait <= TimeSpan.Zero)
                {
                    _inFlight++;
                    _sentSinceReport++;
                    return new Turn(this);
                }
            }

            if (wait >= WorthReporting && log.VerboseEnabled)
            {
                log.Verbose(string.Format(CultureInfo.InvariantCulture, "Pacing: {0}; waiting {1:0.0} s.", reason, wait.TotalSeconds));
            }

            await Clock.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes in the quota the service reported with an answer.</summary>
    public void Observe(RateLimitHeaders headers)
    {
        if (headers.Remaining is not { } remaining)
        {
            return;
        }

        lock (_gate)
        {
            DateTimeOffset now = Clock.UtcNow;
            _limit = headers.Limit ?? _limit;

            // Answers arrive out of order, so a count a little higher than the one we hold is an
            // older answer, not a refill; a later refill time or a clearly higher count is a new window.
            bool newWindow = _remaining is not { } before
                || now >= _resetAt
                || (headers.ResetAt is { } reset && reset > _resetAt + RefillTolerance)
                || remaining > before + _inFlight;
            if (headers.ResetAt is { } resetAt)
            {
                _resetAt = resetAt;
                _resetReported = true;
            }
            else if (newWindow && !_resetReported)
            {
                _resetAt = now + AssumedWindow;
            }

            _remaining = newWindow ? remaining : Math.Min(remaining, _remaining!.Value);

            // What is still in flight may not be counted in this report yet.
            _sentSinceReport = _inFlight;
        }
    }

    /// <summary>After a 429: nobody on this connection asks again before <paramref name="until"/>.</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    private (TimeSpan Wait, string Reason) NextWait(DateTimeOffset now)
    {
        if (now < _pausedUntil)
        {
            return (_pausedUntil - now, "the service asked for a pause");
        }

        if (_remaining is not { } remaining)
        {
            return (TimeSpan.Zero, string.Empty);
        }

        if (now >= _resetAt)
        {
            // The window has rolled over: the next answer will tell the new quota.
            _remaining = null;
            return (TimeSpan.Zero, string.Empty);
        }

        // Requests sent since the report (or still in flight) count against what it said was left.
        int left = remaining - _sentSinceReport;
        TimeSpan untilReset = _resetAt - now;
        if (left <= 0)
        {
            return (untilReset, string.Format(CultureInfo.InvariantCulture, "the quota of {0} requests is used up until it refills", _limit?.ToString(CultureInfo.InvariantCulture) ?? "?"));
        }

        int lowWater = Math.Max(4, (_limit ?? 0) / 5);
        if (left > lowWater)
        {
            return (TimeSpan.Zero, string.Empty);
        }

        if (now < _nextSlot)
        {
            return (_nextSlot - now, string.Format(CultureInfo.InvariantCulture, "{0} requests left until the quota refills in {1:0.0} s", left, untilReset.TotalSeconds));
        }

        _nextSlot = now + TimeSpan.FromTicks(untilReset.Ticks / left);
        return (TimeSpan.Zero, string.Empty);
    }

    private void Finish()
    {
        lock (_gate)
        {
            _inFlight--;
        }
    }

    private sealed class Turn : IDisposable
    {
        private RateLimitPacer? _pacer;

        public Turn(RateLimitPacer pacer)
        {
            _pacer = pacer;
        }

        public void Dispose()
        {
            Interlocked.Exchange(ref _pacer, null)?.Finish();
        }
    }
}

using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerTools.Http;

/// <summary>
/// Slows a connection down before it hits the service's per-minute quota, instead of bouncing off
/// 429s. Shared by every request of one connection. While plenty of quota is left, requests go at
/// once; when it runs low, the rest is spread evenly until the quota refills; when it is gone, or
/// after a 429 asked for a pause, every request waits. A refill time the service states is the
/// window's end; only when it states none (Help Scout's successes) is a window assumed.
/// </summary>
internal sealed class RateLimitPacer
{
    private static readonly TimeSpan WorthReporting = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RefillTolerance = TimeSpan.FromMilliseconds(250);

    private readonly object _gate = new();
    private int? _limit;
    private int? _remaining;
    private DateTimeOffset _resetAt;
    private bool _resetStated;
    private DateTimeOffset _pausedUntil;
    private DateTimeOffset _nextSlot;
    private int _inFlight;
    private int _sentSinceReport;
    private bool _reported;

    // Completed (and replaced) whenever a wait may have become shorter: waiters then look again.
    private TaskCompletionSource<bool> _sooner = NewSignal();

    public RateLimitPacer(IClock clock)
    {
        Clock = clock;
    }

    public IClock Clock { get; }

    /// <summary>
    /// How long a quota is assumed to last when the service says what is left but not when it
    /// refills: both services count per minute. Settable so that a simulator whose "minute" is
    /// scaled down can scale the module's minute with it.
    /// </summary>
    public TimeSpan AssumedWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A quota to keep to while the service reports none: this many requests in each
    /// <see cref="AssumedWindow"/> from the first, as the service documents it (Kustomer's search
    /// quota for API keys). Once an answer reports the quota, the reports rule. Null: none assumed.
    /// </summary>
    public int? AssumedLimit { get; init; }

    /// <summary>What the quota is called in -Verbose messages.</summary>
    public string QuotaName { get; init; } = "quota";

    /// <summary>Waits until a request may start; dispose the result when its answer is in.</summary>
    public async Task<IDisposable> WaitTurnAsync(RequestContext context)
    {
        DateTimeOffset reported = default;
        while (true)
        {
            TimeSpan wait;
            string reason;
            DateTimeOffset until;
            Task sooner;
            lock (_gate)
            {
                DateTimeOffset now = Clock.UtcNow;
                (wait, reason) = NextWait(now);
                if (wait <= TimeSpan.Zero)
                {
                    _inFlight++;
                    _sentSinceReport++;
                    return new PacerTurn(this);
                }

                until = now + wait;
                sooner = _sooner.Task;
            }

            // Said once per wait, not again each time a waiter wakes to find the same end.
            if (wait >= WorthReporting && context.Log.VerboseEnabled && (until - reported).Duration() >= WorthReporting)
            {
                reported = until;
                context.Log.Verbose(string.Format(CultureInfo.InvariantCulture, "Pacing: {0}; waiting {1:0.0} s.", reason, wait.TotalSeconds));
            }

            await WaitAsync(wait, sooner, context.Cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Takes in the quota the service reported with an answer, from the request answered while it holds its turn.</summary>
    public void Observe(RateLimitHeaders headers)
    {
        DateTimeOffset? stated = headers.RefillAt;
        if (headers.Remaining is null && stated is null)
        {
            return;
        }

        lock (_gate)
        {
            _reported |= headers.Remaining is not null;
            DateTimeOffset now = Clock.UtcNow;
            DateTimeOffset resetBefore = _resetAt;
            int? remainingBefore = _remaining;
            if (headers.Remaining is { } remaining)
            {
                _limit = headers.Limit ?? _limit;

                // Answers arrive out of order, so a count a little higher than the one we hold is an
                // older answer, not a refill; a clearly higher count, or a stated refill clearly
                // later than the one stated before, is a new window. A stated time that corrects an
                // assumed one is not.
                bool newWindow = _remaining is not { } before
                    || now >= _resetAt
                    || (_resetStated && stated > _resetAt + RefillTolerance)
                    || remaining > before + _inFlight;
                _remaining = newWindow ? remaining : Math.Min(remaining, _remaining!.Value);

                // What else is still in flight may not be counted in this report yet; the request
                // answered is (it is in flight until its caller is done with the answer).
                _sentSinceReport = Math.Max(0, _inFlight - 1);
                if (stated is null && newWindow)
                {
                    _resetAt = now + AssumedWindow;
                    _resetStated = false;
                }
            }

            // The service's word on the refill replaces whatever the module assumed.
            if (stated is { } refill && _remaining is not null)
            {
                _resetAt = refill;
                _resetStated = true;
            }

            if (_resetAt < resetBefore || (_remaining ?? int.MaxValue) > (remainingBefore ?? int.MaxValue))
            {
                SignalSooner();
            }
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

    private static TaskCompletionSource<bool> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void SignalSooner()
    {
        TaskCompletionSource<bool> signal = _sooner;
        _sooner = NewSignal();
        signal.TrySetResult(true);
    }

    // Sleeps for the wait, or until the schedule changes in a way that may shorten it.
    private async Task WaitAsync(TimeSpan wait, Task sooner, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task delay = Clock.Delay(wait, timer.Token);
        if (await Task.WhenAny(delay, sooner).ConfigureAwait(false) == delay)
        {
            await delay.ConfigureAwait(false);
            return;
        }

        timer.Cancel();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private (TimeSpan Wait, string Reason) NextWait(DateTimeOffset now)
    {
        if (now < _pausedUntil)
        {
            return (_pausedUntil - now, "the service asked for a pause");
        }

        if (_remaining is not null && now >= _resetAt)
        {
            // The window has rolled over: the next answer will tell the new quota.
            _remaining = null;
            if (_reported || AssumedLimit is null)
            {
                return (TimeSpan.Zero, string.Empty);
            }
        }

        if (_remaining is null && !_reported && AssumedLimit is { } assumed)
        {
            // Nothing reported: keep to the documented quota, a window at a time from its first request.
            (_limit, _remaining, _resetAt, _resetStated, _sentSinceReport) = (assumed, assumed, now + AssumedWindow, false, 0);
        }

        if (_remaining is not { } remaining)
        {
            return (TimeSpan.Zero, string.Empty);
        }

        // Requests sent since the report (or still in flight) count against what it said was left.
        int left = remaining - _sentSinceReport;
        TimeSpan untilReset = _resetAt - now;
        if (left <= 0)
        {
            string used = string.Format(CultureInfo.InvariantCulture, "the {0} of {1} requests is used up", QuotaName, _limit?.ToString(CultureInfo.InvariantCulture) ?? "?");
            string why = _resetStated ? " until it refills, as the service said"
                : !_reported ? string.Format(CultureInfo.InvariantCulture, " for this {0:0.#} s window, as documented (the service reports no quota)", AssumedWindow.TotalSeconds)
                : string.Format(CultureInfo.InvariantCulture, "; the service did not say when it refills, so a {0:0.#} s window is assumed", AssumedWindow.TotalSeconds);
            return (untilReset, used + why);
        }

        int lowWater = Math.Max(4, (_limit ?? 0) / 5);
        if (left > lowWater)
        {
            return (TimeSpan.Zero, string.Empty);
        }

        if (now < _nextSlot)
        {
            return (_nextSlot - now, string.Format(CultureInfo.InvariantCulture, "{0} requests left until the {1} refills in {2:0.0} s", left, QuotaName, untilReset.TotalSeconds));
        }

        _nextSlot = now + TimeSpan.FromTicks(untilReset.Ticks / left);
        return (TimeSpan.Zero, string.Empty);
    }

    /// <summary>A request's turn is over (its answer is in).</summary>
    internal void Finish()
    {
        lock (_gate)
        {
            _inFlight--;
        }
    }
}

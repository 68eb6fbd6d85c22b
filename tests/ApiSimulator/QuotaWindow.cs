using System;

namespace CustomerTools.ApiSimulator;

/// <summary>
/// A service's per-minute request quota, scaled to any window: fixed windows from the first
/// request; over the quota the answer is 429. <see cref="QuotaHeaders"/> words it in each
/// service's dialect.
/// </summary>
public sealed class QuotaWindow
{
    private readonly object _gate = new();
    private DateTimeOffset _windowStart;
    private int _used;

    public QuotaWindow(int limit, TimeSpan window)
    {
        Limit = limit;
        Window = window;
    }

    public int Limit { get; }

    public TimeSpan Window { get; }

    /// <summary>
    /// Kustomer's <c>x-ratelimit-reset</c> as a Unix time in whole seconds (rounded up) instead of
    /// the seconds until the refill: the unit is unconfirmed (docs/api/kustomer.md §7), so tests try both.
    /// </summary>
    public bool ResetAsUnixTime { get; set; }

    public int Served { get; private set; }

    public int Rejected { get; private set; }

    /// <summary>Counts one request; false when it is over the quota.</summary>
    public bool TryTake(DateTimeOffset now, out int remaining, out TimeSpan untilReset)
    {
        lock (_gate)
        {
            Roll(now);
            untilReset = _windowStart + Window - now;
            bool allowed = _used < Limit;
            if (allowed)
            {
                _used++;
                Served++;
            }
            else
            {
                Rejected++;
            }

            remaining = Limit - _used;
            return allowed;
        }
    }

    /// <summary>
    /// Counts <paramref name="requests"/> made by others sharing the quota (another integration of
    /// the org, another app of the account), opening the window now if none is open.
    /// </summary>
    public void Spend(int requests, DateTimeOffset now)
    {
        lock (_gate)
        {
            Roll(now);
            _used = Math.Min(Limit, _used + requests);
        }
    }

    private void Roll(DateTimeOffset now)
    {
        if (_windowStart == default || now >= _windowStart + Window)
        {
            _windowStart = _windowStart == default ? now : _windowStart + Window * Math.Floor((now - _windowStart) / Window);
            _used = 0;
        }
    }
}

using System;

namespace CustomerTools.ApiSimulator;

/// <summary>
/// A service's per-minute request quota, scaled to any window: fixed windows from the first
/// request; over the quota the answer is 429. Reports the headers each service sends.
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

    public int Served { get; private set; }

    public int Rejected { get; private set; }

    /// <summary>Counts one request; false when it is over the quota.</summary>
    public bool TryTake(DateTimeOffset now, out int remaining, out TimeSpan untilReset)
    {
        lock (_gate)
        {
            if (_windowStart == default || now >= _windowStart + Window)
            {
                _windowStart = _windowStart == default ? now : _windowStart + Window * Math.Floor((now - _windowStart) / Window);
                _used = 0;
            }

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
}
